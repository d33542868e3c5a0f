/**
 * Where things were created, for debug mode: asyncio's
 * `_source_traceback`. Captured only when the loop's debug mode is on, so
 * that it costs nothing otherwise. Not exported from mod.ts.
 *
 * @module
 */

// The folder of this module: frames inside it are the library's own. Node
// with --enable-source-maps prints such frames as paths, not file: URLs.
const LIBRARY = import.meta.url.slice(0, import.meta.url.lastIndexOf("/") + 1);
const LIBRARY_PATH = LIBRARY.startsWith("file:///")
  ? decodeURIComponent(LIBRARY.slice("file://".length))
  : undefined;

/** A stack captured where something was created. */
export interface Source {
  /** The first frame outside the library, as `file:line`, if found. */
  readonly location: string | undefined;
  /** The whole stack, below the capture itself. */
  readonly stack: string;
}

/** Whether a stack frame is in one of the library's own files. */
export function isLibraryFrame(frame: string): boolean {
  let start = frame.indexOf(LIBRARY);
  let length = LIBRARY.length;
  if (start < 0 && LIBRARY_PATH !== undefined) {
    start = frame.indexOf(LIBRARY_PATH);
    length = LIBRARY_PATH.length;
  }
  if (start < 0) return false;
  const rest = frame.slice(start + length);
  const end = rest.search(/:\d+:\d+\)?$/);
  return !(end < 0 ? rest : rest.slice(0, end)).includes("/");
}

/** Captures the current stack, pointing at the caller of the library. */
export function captureSource(): Source {
  const stack = new Error().stack ?? "";
  const frames = stack.split("\n").slice(1).map((line) => line.trim());
  const outside = frames.find((frame) =>
    frame.startsWith("at ") && !isLibraryFrame(frame) &&
    !frame.includes("<anonymous>")
  );
  let location: string | undefined;
  if (outside !== undefined) {
    const match = /\(?((?:[a-z]+:\/\/)?[^()\s]+?):(\d+):\d+\)?$/.exec(outside);
    if (match) {
      location = `${match[1]!.replace(/^file:\/\//, "")}:${match[2]}`;
    }
  }
  const own = frames.filter((frame) => !isLibraryFrame(frame));
  return { location, stack: own.join("\n") };
}
