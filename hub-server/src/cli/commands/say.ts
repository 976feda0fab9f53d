import { AnnouncementTemplate, buildAnnouncement, type NumberDialect } from '@luot/shared';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { announcementAudio } from '../../features/speech/announcement-audio';
import { createSpeech } from '../../features/speech/create-speech';
import type { SpeechEngine } from '../../features/speech/speech-engine';
import { VoicePackError } from '../../features/speech/voice-pack';
import { durationMs, encodeWav } from '../../features/speech/wav';
import { intFlag, parse, UsageError, type Command } from '../cli-context';

export const say: Command = {
  path: ['say'],
  summary:
    'luot say SỐ --counter N [--json] [--wav TỆP] [--south] [--voice-pack THƯ_MỤC] [--template MẪU]   đọc thử lời mời',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      counter: { type: 'string' },
      json: { type: 'boolean', default: false },
      wav: { type: 'string' },
      south: { type: 'boolean', default: false },
      'voice-pack': { type: 'string' },
      template: { type: 'string' },
    });
    const label = positionals[0] ?? '';
    if (positionals.length !== 1 || !/^[A-Za-z]?\d{1,6}$/.test(label)) {
      throw new UsageError(`Cần đúng một số thứ tự, ví dụ 1005 hoặc A005 (nhận được "${positionals.join(' ')}").`);
    }
    if (values.counter === undefined) throw new UsageError('Thiếu --counter N (số quầy).');
    const counter = intFlag(values.counter, 'counter', 0);
    if (counter < 1 || counter > 999) throw new UsageError('--counter phải từ 1 đến 999.');
    const template = values.template === undefined ? undefined : AnnouncementTemplate.safeParse(values.template);
    if (template && !template.success) {
      throw new UsageError(
        '--template phải chứa {số} và {quầy}, mỗi chỗ đúng một lần, trên một dòng, tối đa 200 ký tự.',
      );
    }
    const dialect: NumberDialect = values.south ? 'south' : 'north';
    const announcement = buildAnnouncement(label.toUpperCase(), counter, { dialect, template: template?.data });

    const file = values.wav;
    // The voice is loaded before anything is printed, so a broken voice pack prints only its error.
    const speech = file === undefined ? null : await loadSpeech(dialect, values['voice-pack']);
    console.log(values.json ? JSON.stringify(announcement) : `${announcement.text}\n${announcement.spoken}`);
    if (!speech || file === undefined) return 0;
    try {
      const wav = await announcementAudio(speech, announcement);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, encodeWav(wav));
      const seconds = (durationMs(wav) / 1000).toFixed(1).replace('.', ',');
      console.error(`Đã ghi ${file} (${seconds} giây) / wrote ${file}`);
      return 0;
    } finally {
      await speech.close();
    }
  },
};

function loadSpeech(dialect: NumberDialect, voicePackDir: string | undefined): Promise<SpeechEngine> {
  return createSpeech({ dialect, voicePackDir }).catch((e: unknown) => {
    throw e instanceof VoicePackError ? new UsageError(`Không dùng được bộ giọng đọc:\n${e.message}`) : e;
  });
}
