/**
 * A one-line progress bar for long runs, drawn on a stream only when it is a terminal, so
 * pipes, files and JSON consumers never see it. Redraws at most once per percent.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  total: number,
  label: string,
): { tick: (done: number) => void; done: () => void } {
  if (!stream.isTTY || total <= 0) return { tick: () => undefined, done: () => undefined };
  const width = 30;
  let shown = -1;
  const draw = (done: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`);
  };
  return {
    tick: draw,
    done: () => {
      if (shown >= 0) stream.write(`\r${' '.repeat(label.length + width + 8)}\r`);
    },
  };
}
