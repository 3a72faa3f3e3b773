import { inspect } from 'node:util';
import { afterAll, expect } from 'vitest';
import { collectedErrors } from './collected-errors.js';
import { TOKEN } from './token.js';

// After every test file: no error it produced shows the token in any form a user could log.
afterAll(() => {
  for (const error of collectedErrors) {
    const forms = [
      String(error),
      (error as Error | undefined)?.stack ?? '',
      JSON.stringify(error) ?? '',
      inspect(error, { depth: 10, showHidden: true }),
    ];
    for (const form of forms) expect(form).not.toContain(TOKEN);
  }
});
