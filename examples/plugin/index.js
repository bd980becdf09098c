// @ts-check
// A scale-audit plugin: a collector for a new kind of file, a check kind that reads its facts, and
// a rule pack that uses both. It needs nothing from scale-audit at run time; the types come from it.
import { mlprojectCheck } from './check.js';
import { mlprojectsCollector } from './collector.js';

/** @type {import('scale-audit').Plugin} */
export default {
  name: 'scale-audit-plugin-mlproject',
  collectors: [mlprojectsCollector],
  checks: [mlprojectCheck],
  packs: [new URL('./mlproject.yaml', import.meta.url)],
};
