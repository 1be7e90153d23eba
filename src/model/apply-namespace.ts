// Where an input object lands when applied: objects that declare metadata.namespace land there, wherever their file
// is; one without it lands in whatever namespace kubectl targets, which the objects of one application's directory
// tree share and unrelated projects checked in one run do not.
import { asRecord, type KubeObject } from './object.js';

/** The directory part of a file path ("" for a bare name): manifests of one application usually share it. */
export function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash);
}

/** Whether two objects of the same namespace name end up in one namespace when the inputs are applied. */
export function sharesNamespace(a: KubeObject, b: KubeObject): boolean {
  return (hasDeclaredNamespace(a) && hasDeclaredNamespace(b)) || sharesDirectoryTree(a, b);
}

/** Whether one object's directory is the other's or below it: the files of one application's tree. */
export function sharesDirectoryTree(a: KubeObject, b: KubeObject): boolean {
  const [dirA, dirB] = [directoryOf(a.file), directoryOf(b.file)];
  return isSameOrBelow(dirA, dirB) || isSameOrBelow(dirB, dirA);
}

/** Whether the object names its namespace (metadata.namespace) rather than taking whatever namespace kubectl targets. */
export function hasDeclaredNamespace(object: KubeObject): boolean {
  const namespace = asRecord(object.value['metadata'])?.['namespace'];
  return typeof namespace === 'string' && namespace !== '';
}

function isSameOrBelow(directory: string, ancestor: string): boolean {
  return ancestor === '' || directory === ancestor || directory.startsWith(`${ancestor}/`) || directory.startsWith(`${ancestor}\\`);
}
