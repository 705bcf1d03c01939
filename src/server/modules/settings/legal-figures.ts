/**
 * The figures of the law live in src/shared/legal.ts so that the web app shows the same bounds the server enforces;
 * the server's rules read them through here (legal-figures.test.ts checks every key is used).
 */
export { LEGAL } from '../../../shared/legal.js';
