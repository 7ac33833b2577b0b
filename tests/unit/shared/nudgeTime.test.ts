import { NUDGE_TIME_WINDOW } from '@soestainable/shared/api/me';
import { DEFAULT_NUDGE_TIME, NUDGE_WINDOW, nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';

/* The nudge time rule (shared/src/domain/nudgeTime.ts): the enrolment and settings cards and PUT /api/me/settings. */

describe('the nudge time', () => {
  it('reads times as people type them, inside 07:00–11:00 only', () => {
    expect(nudgeTimeOf('08:30')).toBe('08:30');
    expect(nudgeTimeOf(' 8:30 ')).toBe('08:30');
    expect(nudgeTimeOf('8.05')).toBe('08:05');
    expect(nudgeTimeOf('07:00')).toBe('07:00');
    expect(nudgeTimeOf('11:00')).toBe('11:00');
    for (const bad of ['25:99', '24:00', '06:59', '11:01', '8', '0830', 'negen uur', '', '08:30:00']) expect(nudgeTimeOf(bad)).toBeUndefined();
  });

  it('the default lies inside the window, and the API contract states the same window', () => {
    expect(nudgeTimeOf(DEFAULT_NUDGE_TIME)).toBe(DEFAULT_NUDGE_TIME);
    expect(NUDGE_TIME_WINDOW).toEqual(NUDGE_WINDOW);
  });
});
