'use strict';
// Runs a MicroPython script through the raw REPL over the emulated USB CDC, as mpremote does: Ctrl-C twice
// (stop whatever runs), Ctrl-A (raw REPL: "raw REPL; CTRL-B to exit\r\n>"), the script, Ctrl-D; the firmware
// answers "OK", the script's output, 0x04, the exception text if one was raised, 0x04, ">". The script's
// interrupt handlers stay installed after it returns, so the driven edges start once it has run.

const RAW_PROMPT = 'raw REPL; CTRL-B to exit\r\n>';

class RawRepl {
  constructor(cdc, script) {
    this.cdc = cdc;
    this.script = script;
    this.state = 'idle'; // idle -> entering -> running -> done | failed
    this.text = ''; // everything the device printed
    this.mark = 0;
    this.output = '';
    this.error = '';
    this.doneNs = null;
  }

  /** Called once USB is up. */
  start() {
    this.state = 'entering';
    this.cdc.send('\r\x03\x03\x01');
  }

  /** Device-to-host bytes; returns true when the script has finished (state done or failed). */
  feed(buffer, nowNs) {
    this.text += Buffer.from(buffer).toString('latin1');
    if (this.state === 'entering') {
      const at = this.text.indexOf(RAW_PROMPT, this.mark);
      if (at >= 0) {
        this.mark = at + RAW_PROMPT.length;
        this.state = 'running';
        this.cdc.send(Buffer.concat([Buffer.from(this.script.replace(/\r?\n/g, '\n'), 'utf8'), Buffer.from([4])]));
      }
    }
    if (this.state === 'running') {
      const rest = this.text.slice(this.mark);
      if (rest.length >= 2 && !rest.startsWith('OK')) {
        this.state = 'failed';
        this.error = `raw REPL did not accept the script: ${JSON.stringify(rest.slice(0, 200))}`;
        this.doneNs = nowNs;
        return true;
      }
      const m = /^OK([\s\S]*?)\x04([\s\S]*?)\x04>/.exec(rest);
      if (m) {
        this.output = m[1];
        this.error = m[2];
        this.state = m[2] ? 'failed' : 'done';
        this.mark += m[0].length;
        this.doneNs = nowNs;
        return true;
      }
    }
    return false;
  }

  /** What the device printed after the script returned (soft handlers' prints...). */
  after() {
    return this.text.slice(this.mark);
  }
}

module.exports = { RawRepl, RAW_PROMPT };
