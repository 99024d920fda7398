import '@testing-library/jest-dom';

// jsdom cannot parse the nested CSS of Backstage UI's stylesheet and reports it through console.error with the whole
// stylesheet attached (tens of thousands of lines per test file). The styles do not matter to these tests; only
// that one report is dropped, every other console.error still shows.
/* eslint-disable no-console */
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const first = args[0] as { message?: unknown } | string | undefined;
  const message =
    typeof first === 'string' ? first : String(first?.message ?? '');
  if (message.startsWith('Could not parse CSS stylesheet')) return;
  consoleError(...args);
};
/* eslint-enable no-console */
