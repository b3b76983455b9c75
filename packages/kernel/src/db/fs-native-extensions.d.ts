// The one function of fs-native-extensions (no types of its own) the data-directory lock uses.
declare module 'fs-native-extensions' {
  /** An exclusive (default) or shared OS lock on an open file, without waiting: false when another holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean;
}
