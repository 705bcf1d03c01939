/**
 * Typed errors an operation throws; the HTTP layer turns them into API.md's error shape.
 * Messages are French sentences for the person at the screen; codes are stable for programs.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type FieldIssue = { path: string; message: string };

export const notFound = (what = 'Cette ressource') => new AppError(404, 'not_found', `${what} est introuvable.`);

export const forbidden = (message = 'Votre rôle ne permet pas cette action.') =>
  new AppError(403, 'forbidden', message);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Vous devez vous connecter pour accéder à cette page.');

/** 409: the request conflicts with the current state (someone else got there first). */
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

/** 422: a business rule of PRODUCT.md forbids it; the code names the rule. */
export const ruleBroken = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

export const validationFailed = (details: FieldIssue[], message = 'Certains champs sont invalides.') =>
  new AppError(400, 'validation_failed', message, details);

export const rateLimited = (message = 'Trop de tentatives. Réessayez dans quelques minutes.') =>
  new AppError(429, 'rate_limited', message);
