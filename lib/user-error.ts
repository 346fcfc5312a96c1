// An expected failure whose message is written for the user ("You do not own this subscription").
// Server actions show it as is; anything else becomes a generic message and a log line.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
