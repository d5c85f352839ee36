/** A problem with what the user typed or chose, worded for them, naming the field it concerns. */
export class UserInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}
