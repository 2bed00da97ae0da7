'use strict';

/** Bad input from the user (image, capture, option): the CLI prints the message and exits with 2. */
class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

/** The firmware ran but a MicroPython script could not run (no USB, no raw REPL, an exception): exit status 1. */
class ScriptError extends Error {
  constructor(message, repl) {
    super(message);
    this.name = 'ScriptError';
    this.repl = repl;
  }
}

module.exports = { InputError, ScriptError };
