// Test fixture (S7): the real eSpeak worker, except that the phrase "treo" never comes back (a
// busy loop, as a stuck WebAssembly call would) and the phrase "sập" crashes the thread.
import { parentPort } from 'node:worker_threads';

// The real worker's message listener is wrapped as it registers, so the faults come first and
// no message can reach the port before that listener is there.
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(
    event,
    event !== 'message'
      ? listener
      : (message) => {
          if (message.text === 'treo') for (;;);
          if (message.text === 'sập') throw new Error('worker crashed on cue');
          return listener(message);
        },
  );
await import('../espeak-worker.mjs');
