import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cron-schedule.js';

const isTimeZone = (name: string): boolean => ['UTC', 'Asia/Tokyo'].includes(name);

// Cases from robfig/cron/v3 parser_test.go (TestParseScheduleErrors, TestStandardSpecSchedule) and the descriptors
describe('cronScheduleError (robfig/cron/v3 ParseStandard)', () => {
  it.each(['* * * * *', '5 * * * *', '*/5 * * * *', '0 0 1 1 *', '0 9-17/2 * JAN-MAR mon-fri', '30 2 * * 0,6', '? * * * *',
    '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 5m', '@every 1h30m10s',
    'TZ=UTC * * * * *', 'CRON_TZ=Asia/Tokyo 0 9 * * *'])('accepts %j', (spec) => {
    expect(cronScheduleError(spec, isTimeZone)).toBeUndefined();
  });

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['xyz * * * *', 'failed to parse int from xyz: strconv.Atoi: parsing "xyz": invalid syntax'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 0-24 * * *', 'end of range (24) above maximum (23): 0-24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['* * * FOO *', 'failed to parse int from FOO: strconv.Atoi: parsing "FOO": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every five', 'failed to parse duration @every five: time: invalid duration "five"'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 10', 'failed to parse duration @every 10: time: missing unit in duration "10"'],
    ['TZ=Nowhere/City * * * * *', 'provided bad location Nowhere/City: unknown time zone Nowhere/City'],
  ])('rejects %j: %s', (spec, message) => {
    expect(cronScheduleError(spec, isTimeZone)).toBe(message);
  });
});
