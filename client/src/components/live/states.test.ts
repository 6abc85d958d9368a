import { describe, expect, it } from '@jest/globals';
import { ATTENDANCE_STATES } from '@/api/checkins';
import { STATE_COLOURS, STATE_SEVERITY, worstState } from './states';

describe('attendance states on the board', () => {
  it('When a post has an absent and a checked-in lawyer, then the map shows absent', () => {
    expect(worstState(['checked_in', 'absent', 'late'])).toBe('absent');
    expect(worstState(['checked_out', 'due'])).toBe('due');
  });

  it('When a post has no lawyers, then it has no state', () => {
    expect(worstState([])).toBeNull();
  });

  it('When a state exists, then it has a colour and a place in the severity order', () => {
    expect([...STATE_SEVERITY].sort()).toEqual([...ATTENDANCE_STATES].sort());
    for (const s of ATTENDANCE_STATES) expect(STATE_COLOURS[s]).toMatch(/^#[0-9a-f]{6}$/);
  });
});
