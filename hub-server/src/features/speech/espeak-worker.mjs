// eSpeak NG (GPL-3.0, WebAssembly) runs here, off the hub's event loop: one phrase takes
// ~100 ms of CPU. Plain JavaScript because Node 20 cannot load TypeScript inside a worker.
// Message in: { id, text, args }; out: { id, ok: true, wav } | { id, ok: false, error }.
// The engine sends one phrase at a time (SPEC S6), so at most one eSpeak instance lives here.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';

// The package runs eSpeak's command line once per instance: a second run of main() in the same
// instance writes no audio (its C globals, getopt's among them, are spent). So each phrase gets
// a fresh instance (its 32 MB of memory is dropped after), but the 18 MB module is read and
// compiled once per worker and reused: instantiating it is all a phrase pays for.
let compiled = null;
const compile = () => {
  compiled ??= readFile(new URL('espeak-ng.wasm', import.meta.resolve('espeak-ng')))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((e) => {
      compiled = null;
      throw e;
    });
  return compiled;
};

async function speak(text, args, log) {
  const module = await compile();
  let instantiateFailed;
  const failed = new Promise((_, reject) => (instantiateFailed = reject));
  const espeak = await Promise.race([
    ESpeakNg({
      // The text goes through a file, never argv, so no text can be taken for an option.
      arguments: [...args, '-b', '1', '-w', '/out.wav', '-f', '/in.txt'],
      preRun: [(m) => m.FS.writeFile('/in.txt', text)],
      print: (line) => log.push(line),
      printErr: (line) => log.push(line),
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), instantiateFailed);
        return {};
      },
    }),
    failed,
  ]);
  return espeak.FS.readFile('/out.wav');
}

parentPort.on('message', async ({ id, text, args }) => {
  const log = [];
  try {
    const wav = await speak(text, args, log);
    parentPort.postMessage({ id, ok: true, wav }, [wav.buffer]);
  } catch (e) {
    const error = log.find((line) => line.startsWith('Error')) ?? String(e?.message ?? e);
    parentPort.postMessage({ id, ok: false, error });
  }
});
