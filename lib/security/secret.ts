import 'server-only';

// The site's code reads the key from here, guarded; the worker from ./app-secret.
export { appSecret } from './app-secret';
