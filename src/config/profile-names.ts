/**
 * The profiles that ship in the package, as `profiles/<name>.yaml`. Apart from the profile loader
 * so that the command line can name them in its help without loading YAML at start-up.
 */
export const BUILTIN_PROFILES = ['genai-app', 'batch-scoring', 'realtime-service', 'regulated-eu'] as const;
