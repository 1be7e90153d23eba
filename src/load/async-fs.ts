// The promise forms of the node:fs calls kubefit makes, over node:fs's callback API: importing node:fs/promises loads
// readline, file watchers and directory handles (~1.6 ms of a ~70 ms start, bench/README.md), none of which kubefit uses.
import { access as accessFile, close as closeFile, mkdir as makeDirectory, open as openFile, read as readFromFile, readdir as readDirectory, readFile as readWholeFile, realpath as resolveRealPath, rename as renamePath, stat as statPath, writeFile as writeWholeFile } from 'node:fs';
import { promisify } from 'node:util';

export const access = promisify(accessFile);
export const close = promisify(closeFile);
export const mkdir = promisify(makeDirectory);
export const open = promisify(openFile);
export const readdir = promisify(readDirectory);
export const readFile = promisify(readWholeFile);
/** Bytes read into `buffer` at `offset` (node:fs's read resolves to an object; this to the count). */
export const read = (fd: number, buffer: Buffer, offset: number, length: number): Promise<number> =>
  new Promise((resolve, reject) => readFromFile(fd, buffer, offset, length, null, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));
// the native form, as node:fs/promises' realpath (the JavaScript one walks the path with lstat and words errors so)
export const realpath = promisify(resolveRealPath.native);
export const rename = promisify(renamePath);
export const stat = promisify(statPath);
export const writeFile = promisify(writeWholeFile);
