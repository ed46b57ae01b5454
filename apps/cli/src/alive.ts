/** Whether pid runs as one of ours (a launcher runs as the user of its data folder: EPERM is someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
