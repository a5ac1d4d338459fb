/** Base of the domain's errors: each has a stable code that the GraphQL edge exposes. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that fails validation; names the offending field. */
export class BadInputError extends AppError {
  constructor(message: string, field: string) {
    super(message, 'BAD_USER_INPUT', { field });
  }
}

/** A record that does not exist (or that the caller may not know exists). */
export class NotFoundError extends AppError {
  constructor(what: string, id: string, field?: string) {
    super(`${what} ${id} was not found`, 'NOT_FOUND', field ? { field } : {});
  }
}

/** A request that conflicts with the current state (for example, a closed case). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

/** The desk is shutting down and takes no new work. */
export class UnavailableError extends AppError {
  constructor(message = 'The desk is shutting down; try again shortly') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}
