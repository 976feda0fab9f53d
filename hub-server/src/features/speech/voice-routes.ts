import { VOICE_CLIP_MAX_BYTES, VoiceList } from '@luot/shared';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendJson, sendRefusal } from '../../http/http-util';
import type { Device } from '../devices/device-repository';
import { VoiceClipError, type RecordedVoice } from './recorded-voice';

const CLIP_PATH = /^\/api\/voice\/clips\/([^/]+)$/;
const WORD_PARAM = { word: { schema: z.string().min(1).max(200), example: 'một' } };

/** The upload, or null when it is larger than the cap (the rest is not read). */
async function readUpload(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const actor = (device: Device | null) => ({ deviceId: device?.id ?? null, actor: device?.label ?? 'admin' });

/**
 * V17: the recorded voice's clips, one needed word each (admin only):
 *   PUT    /api/voice/clips/:word   body audio/wav → the voice's list
 *   GET    /api/voice/clips/:word   the clip as stored (VOICE_CLIP_INVALID when not recorded)
 *   DELETE /api/voice/clips/:word   → the voice's list
 */
export function voiceRoutes(voice: RecordedVoice): RawRoute[] {
  const wordOf = (match: RegExpExecArray): string => decodeURIComponent(match[1] ?? '');
  return [
    {
      method: 'PUT',
      path: CLIP_PATH,
      roles: ['admin'],
      doc: {
        path: '/api/voice/clips/{word}',
        summary: {
          vi: 'Ghi âm một từ của lời mời (WAV PCM 16-bit, tối đa 1 MB và 10 giây)',
          en: 'Record one word of the announcements (16-bit PCM WAV, at most 1 MB and 10 s)',
        },
        params: WORD_PARAM,
        body: { content: { 'audio/wav': null } },
        response: { content: { 'application/json': VoiceList } },
        errors: ['VOICE_CLIP_INVALID'],
      },
      async handle(req, res, match, device) {
        const word = wordOf(match);
        const bytes = await readUpload(req, VOICE_CLIP_MAX_BYTES);
        try {
          if (bytes === null) throw new VoiceClipError('Tệp lớn hơn 1 MB.');
          sendJson(res, 200, voice.record(word, bytes, actor(device)));
        } catch (e) {
          if (!(e instanceof VoiceClipError)) throw e;
          // An upload refused half-read must not poison a kept-alive connection.
          if (!req.complete) res.setHeader('connection', 'close');
          sendRefusal(res, { code: 'VOICE_CLIP_INVALID', detail: e.message });
        }
      },
    },
    {
      method: 'GET',
      path: CLIP_PATH,
      roles: ['admin'],
      doc: {
        path: '/api/voice/clips/{word}',
        summary: { vi: 'Nghe lại bản ghi âm của một từ', en: "Play back a word's recording" },
        params: WORD_PARAM,
        response: { content: { 'audio/wav': null } },
        errors: ['VOICE_CLIP_INVALID'],
      },
      handle(_req, res, match) {
        const word = wordOf(match);
        const clip = voice.clip(word);
        if (!clip) return sendRefusal(res, { code: 'VOICE_CLIP_INVALID', detail: `“${word}” chưa được ghi âm.` });
        res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': clip.length, 'cache-control': 'no-store' });
        res.end(clip);
      },
    },
    {
      method: 'DELETE',
      path: CLIP_PATH,
      roles: ['admin'],
      doc: {
        path: '/api/voice/clips/{word}',
        summary: { vi: 'Xoá bản ghi âm của một từ', en: "Delete a word's recording" },
        params: WORD_PARAM,
        response: { content: { 'application/json': VoiceList } },
      },
      handle(_req, res, match, device) {
        sendJson(res, 200, voice.remove(wordOf(match), actor(device)));
      },
    },
  ];
}
