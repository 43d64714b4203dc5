import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Imported first by the push sender's thread: nice 19 for this thread only (Linux: setpriority on
 * a thread id), so that on a core shared with the event loop it only takes the time the loop
 * leaves, from the loading of its modules on.
 */
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid)) setPriority(tid, 19);
} catch {
  // Not Linux, or not permitted: the thread still keeps encryption off the event loop.
}
