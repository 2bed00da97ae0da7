'use strict';

/** Bad input from the user (image, capture, option): the CLI prints the message and exits with 2. */
class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

module.exports = { InputError };
