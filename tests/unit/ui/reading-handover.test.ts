/** The popup's start script hands its request to the module entry (src/ui/popup/reading-handover.ts). */
import { describe, expect, it } from 'vitest';
import { handOverReading, takeStartedReading } from '../../../src/ui/popup/reading-handover';

describe('the reading handed over', () => {
  it('is the very request the start script sent, taken once', async () => {
    const reading = Promise.resolve(null);
    handOverReading(reading);
    expect(takeStartedReading()).toBe(reading);
    await expect(takeStartedReading()).rejects.toThrow(/start script did not run/);
  });

  it('keeps a failed request for the UI to show, not reported unhandled meanwhile', async () => {
    handOverReading(Promise.reject(new Error('No tab')));
    // A tick later, as when the UI has loaded.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeStartedReading()).rejects.toThrow('No tab');
  });
});
