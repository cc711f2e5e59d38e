/** Child process for the folder-lock test: takes the lock of CHILD_DIR, says READY, then waits to be killed. */
import { lockFolder } from '../../electron/core/db/folderLock';

lockFolder(process.env.CHILD_DIR!, 'test');
process.stdout.write('READY\n');
setInterval(() => {}, 60_000);
