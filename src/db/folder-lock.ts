import fs from 'node:fs';

export interface FolderLock {
  release(): void;
}

export class FolderInUseError extends Error {
  constructor(
    message: string,
    /** The process holding the folder, when known. */
    readonly owner?: number,
  ) {
    super(message);
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file holding the owner's pid keeps the second one out; a lock left by a process that
 * has died is taken over.
 */
export function acquireFolderLock(lockPath: string, folder: string): FolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new FolderInUseError(
          `The embedded database in ${folder} is in use by another process (pid ${owner}). ` +
            'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
          owner,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new FolderInUseError(`Could not lock the embedded database in ${folder}.`);
}
