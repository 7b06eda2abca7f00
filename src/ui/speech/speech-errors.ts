/**
 * The browser reports why speech stopped as a code (`SpeechSynthesisErrorEvent.error`); a person
 * is told the reason in words.
 */
import type { PlainKey } from '../i18n';

const SPEECH_ERROR_KEYS: Record<string, PlainKey> = {
  'language-unavailable': 'speechErrorVoice',
  'voice-unavailable': 'speechErrorVoice',
  'synthesis-unavailable': 'speechErrorVoice',
  'audio-busy': 'speechErrorAudio',
  'audio-hardware': 'speechErrorAudio',
  network: 'speechErrorNetwork',
  'not-allowed': 'speechErrorNotAllowed',
  'text-too-long': 'speechErrorTooLong',
};

export function speechErrorKey(code: string): PlainKey {
  return Object.hasOwn(SPEECH_ERROR_KEYS, code) ? SPEECH_ERROR_KEYS[code]! : 'speechErrorOther';
}
