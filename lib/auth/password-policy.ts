// Shared by the forms (client) and the server: no hashing here.
export const MIN_PASSWORD_LENGTH = 12;
