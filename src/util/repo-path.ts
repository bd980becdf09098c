/* Names within repository paths, which are relative and always use `/`. */

/** The last part of a path: `deploy/Dockerfile` → `Dockerfile`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The directory a path is in, '' at the root: `deploy/k8s/app.yaml` → `deploy/k8s`. */
export function directoryOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}
