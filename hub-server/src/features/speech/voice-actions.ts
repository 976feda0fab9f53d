import { outcome, type ActionTable } from '../../actions';
import type { RecordedVoice } from './recorded-voice';

/** V17: the admin console's view of the recorded voice. Clips go over HTTP (voice-routes.ts). */
export function voiceActions(voice: RecordedVoice): Pick<ActionTable, 'voice:list'> {
  return {
    'voice:list': {
      roles: ['admin'],
      run: () => outcome(voice.list()),
    },
  };
}
