// eSpeak NG (GPL-3.0, WebAssembly) runs here, off the hub's event loop: one phrase takes
// ~200 ms of CPU. Plain JavaScript because Node 20 cannot load TypeScript inside a worker.
// Message in: { id, text, args }; out: { id, ok: true, wav } | { id, ok: false, error }.
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';

parentPort.on('message', async ({ id, text, args }) => {
  const log = [];
  try {
    // The text goes through a file, never argv, so no text can be taken for an option.
    const espeak = await ESpeakNg({
      arguments: [...args, '-b', '1', '-w', '/out.wav', '-f', '/in.txt'],
      preRun: [(m) => m.FS.writeFile('/in.txt', text)],
      print: (line) => log.push(line),
      printErr: (line) => log.push(line),
    });
    const wav = espeak.FS.readFile('/out.wav');
    parentPort.postMessage({ id, ok: true, wav }, [wav.buffer]);
  } catch (e) {
    const error = log.find((line) => line.startsWith('Error')) ?? String(e?.message ?? e);
    parentPort.postMessage({ id, ok: false, error });
  }
});
