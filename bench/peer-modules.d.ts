// Peer plugins shipped without type declarations (the bench only needs them as ESLint plugins).
declare module 'eslint-plugin-security';
declare module '@microsoft/eslint-plugin-sdl';
