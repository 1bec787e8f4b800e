/** Writes a number in E.164 (`+14155550123`); null when it is not a valid number. */
export type E164 = (number: string) => string | null;

let parsePhone: Promise<E164> | undefined;

/** libphonenumber-js (its metadata is large) loads with the first number read, not at start. */
export const phoneParser = (): Promise<E164> =>
  (parsePhone ??= import("libphonenumber-js").then(({ parsePhoneNumberFromString }) => (number) => {
    const parsed = parsePhoneNumberFromString(number.trim());
    return parsed?.isValid() ? parsed.number : null;
  }));
