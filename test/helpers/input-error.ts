import { expect } from 'vitest';
import { InputError } from '../../src/util/errors.js';

/** The InputError a user mistake must raise (a test fails if the work succeeds or fails otherwise). */
export async function inputError(work: Promise<unknown>): Promise<InputError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, 'a user mistake must be reported').toBeInstanceOf(InputError);
  return error as InputError;
}
