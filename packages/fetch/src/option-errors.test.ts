import { describe, expect, test } from 'vitest';
import { createIntercomClient, type IntercomClientOptions } from './index.js';
import { token } from './test-support/fixtures.js';

function errorFrom(options: unknown): unknown {
  try {
    createIntercomClient(options as IntercomClientOptions);
  } catch (error) {
    return error;
  }
  throw new Error('createIntercomClient did not throw');
}

describe('createIntercomClient refuses', () => {
  test.each([
    ['a missing token', {}, /options\.token/],
    ['an empty token', { token: '' }, /options\.token/],
    ['a token with a space', { token: `Bearer ${token}` }, /options\.token/],
    ['a token with a newline', { token: `${token}\n` }, /options\.token/],
    ['a token beyond ASCII', { token: `${token}é` }, /options\.token/],
    [
      'headers setting Intercom-Version',
      { token, headers: { 'intercom-version': '2.11' } },
      /options\.intercomVersion/,
    ],
    [
      'an Authorization header',
      { token, headers: { Authorization: `Bearer ${token}` } },
      /options\.headers.*Authorization/,
    ],
    [
      'a lower-case authorization header',
      { token, headers: { authorization: `Bearer ${token}` } },
      /options\.headers/,
    ],
    ['an unknown region', { token, region: 'ap' }, /options\.region/],
    [
      'a region with a baseUrl',
      { token, region: 'eu', baseUrl: 'https://proxy.example' },
      /options\.region.*options\.baseUrl/,
    ],
    ['a relative baseUrl', { token, baseUrl: 'api.intercom.io' }, /options\.baseUrl/],
    ['a non-http baseUrl', { token, baseUrl: 'ftp://api.intercom.io' }, /options\.baseUrl/],
  ])('%s with a TypeError naming the option, without the token', (_, options, option) => {
    const error = errorFrom(options);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(option);
    expect(String((error as TypeError).stack)).not.toContain(token);
  });
});
