using System;

namespace NanoIrq.Boards
{
    /// <summary>
    /// What one board allows on each GPIO, and what it carries (LED, button, nanoff firmware target), built
    /// from per-pin facts; validates pin use before any hardware is touched.
    /// </summary>
    /// <remarks>
    /// <para>A new profile has GPIO 0 to <c>gpioCount - 1</c>, every one present, usable as input and output,
    /// with internal pull-up and pull-down and able to interrupt. Facts then take capabilities away, each
    /// with a reason a user can act on, which ends up in the <see cref="PinNotUsableException"/> message:</para>
    /// <code>
    /// BoardProfile mine = new BoardProfile("my-board", "ESP32", 40)
    ///     .NotPresent(20, 20, "no GPIO20 on this package")
    ///     .Reserve(6, 11, "SPI flash")
    ///     .InputOnly(34, 39, "input-only pads")
    ///     .NoPulls(34, 39, "no internal pulls on GPIO34-39")
    ///     .Strapping(0, "low at reset enters the ROM download mode")
    ///     .WithLed(LedKind.Gpio, 2, true, "blue LED")
    ///     .WithDemoPins(0, 2, true)
    ///     .Seal();
    /// </code>
    /// <para>Every fact method validates all its arguments before storing anything: on bad input it throws
    /// an <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>) naming the parameter
    /// and the allowed range, and the profile is unchanged. After <see cref="Seal"/> the profile is read-only
    /// (the built-in profiles in <see cref="BoardCatalog"/> are sealed) and fact methods throw
    /// <see cref="InvalidOperationException"/>.</para>
    /// <para>Validation allocates (it builds messages); it runs when a pin is opened, never on the edge path.</para>
    /// </remarks>
    public sealed class BoardProfile : IPinValidator
    {
        /// <summary>Largest GPIO count a profile may declare (GPIO numbers 0 to 63).</summary>
        public const int MaxGpioCount = 64;

        /// <summary>Value of <see cref="LedPin"/> and <see cref="ButtonPin"/> when there is no such GPIO.</summary>
        public const int NoPin = -1;

        private readonly string _name;
        private readonly string _chip;
        private readonly int _gpioCount;

        // One entry per GPIO number: the reason in words, or no text for "no such restriction". Read them only
        // through Fact: on nanoCLR a never-assigned string[] element is not null to == (DESIGN.md 5).
        private readonly string[] _notPresent;
        private readonly string[] _reserved;
        private readonly string[] _inputOnly;
        private readonly string[] _noPullUp;
        private readonly string[] _noPullDown;
        private readonly string[] _noInterrupt;
        private readonly string[] _warning;

        private string _description;
        private string[] _nanoffTargets;
        private string[] _notes;
        private LedKind _ledKind;
        private int _ledPin;
        private bool _ledActiveHigh;
        private string _ledDescription;
        private int _buttonPin;
        private bool _buttonActiveLow;
        private string _buttonDescription;
        private DemoWiring _demo;
        private bool _sealed;

        /// <summary>
        /// Creates a profile with GPIO 0 to <paramref name="gpioCount"/> - 1, all present and fully capable,
        /// no LED, no button, no demo pins and no nanoff target until told otherwise.
        /// </summary>
        /// <param name="name">Short stable name, e.g. "esp32-devkitc": non-empty, lower-case letters, digits and '-'.</param>
        /// <param name="chip">Chip name for people, e.g. "ESP32-S3" or "RP2040": non-empty.</param>
        /// <param name="gpioCount">Number of GPIO numbers, 1 to <see cref="MaxGpioCount"/>.</param>
        public BoardProfile(string name, string chip, int gpioCount)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException("must be non-empty and use only lower-case letters, digits and '-', e.g. \"my-board\".", "name");
            }

            if (string.IsNullOrEmpty(chip))
            {
                throw new ArgumentException("must name the chip, e.g. \"ESP32\" or \"RP2040\".", "chip");
            }

            if (gpioCount < 1 || gpioCount > MaxGpioCount)
            {
                throw new ArgumentOutOfRangeException("gpioCount", "must be in [1, " + MaxGpioCount.ToString() + "].");
            }

            _name = name;
            _chip = chip;
            _gpioCount = gpioCount;
            _notPresent = new string[gpioCount];
            _reserved = new string[gpioCount];
            _inputOnly = new string[gpioCount];
            _noPullUp = new string[gpioCount];
            _noPullDown = new string[gpioCount];
            _noInterrupt = new string[gpioCount];
            _warning = new string[gpioCount];
            _description = chip + " board";
            _nanoffTargets = new string[0];
            _notes = new string[0];
            _ledKind = LedKind.None;
            _ledPin = NoPin;
            _ledActiveHigh = true;
            _ledDescription = "no user LED";
            _buttonPin = NoPin;
            _buttonActiveLow = true;
            _buttonDescription = "no user button";
        }

        // ------------------------------------------------------------------ identity

        /// <summary>The short stable name, e.g. "esp32-devkitc".</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <inheritdoc />
        public string BoardName
        {
            get { return _name; }
        }

        /// <summary>The chip, e.g. "ESP32", "ESP32-S3", "RP2040", "RP2350".</summary>
        public string Chip
        {
            get { return _chip; }
        }

        /// <summary>The board's full name and variant, e.g. "Espressif ESP32-DevKitC V4 (ESP32-WROOM-32)".</summary>
        public string Description
        {
            get { return _description; }
        }

        /// <summary>Number of GPIO numbers the profile covers: valid pin numbers are 0 to <c>GpioCount - 1</c> (some may be <see cref="Exists">absent</see>).</summary>
        public int GpioCount
        {
            get { return _gpioCount; }
        }

        /// <summary>True once <see cref="Seal"/> was called: the profile can no longer change.</summary>
        public bool IsSealed
        {
            get { return _sealed; }
        }

        /// <summary>The <c>nanoff --target</c> name(s) that flash this board, preferred first (a copy; may be empty for a custom board).</summary>
        public string[] NanoffTargets
        {
            get { return CopyOf(_nanoffTargets); }
        }

        /// <summary>Board-wide facts a user should know (errata, flashing tips), one sentence each (a copy).</summary>
        public string[] Notes
        {
            get { return CopyOf(_notes); }
        }

        // ------------------------------------------------------------------ LED, button, demo

        /// <summary>What the on-board LED is; see <see cref="LedKind"/>.</summary>
        public LedKind Led
        {
            get { return _ledKind; }
        }

        /// <summary>GPIO of the on-board LED, or <see cref="NoPin"/> when there is none or it is not on a GPIO (<see cref="LedKind.WirelessChip"/>).</summary>
        public int LedPin
        {
            get { return _ledPin; }
        }

        /// <summary>True when the on-board plain LED lights on a high level (meaningful for <see cref="LedKind.Gpio"/>).</summary>
        public bool LedActiveHigh
        {
            get { return _ledActiveHigh; }
        }

        /// <summary>The on-board LED in words, e.g. "green LED on GPIO25, active high".</summary>
        public string LedDescription
        {
            get { return _ledDescription; }
        }

        /// <summary>GPIO of the on-board user button, or <see cref="NoPin"/> when the board has none usable from code.</summary>
        public int ButtonPin
        {
            get { return _buttonPin; }
        }

        /// <summary>True when the on-board button reads low when pressed.</summary>
        public bool ButtonActiveLow
        {
            get { return _buttonActiveLow; }
        }

        /// <summary>The on-board button in words, e.g. "BOOT button on GPIO0 (10 kΩ pull-up, pressed = low)".</summary>
        public string ButtonDescription
        {
            get { return _buttonDescription; }
        }

        /// <summary>The demo's default button and LED, or null when <see cref="WithDemoPins"/> was never called.</summary>
        public DemoWiring Demo
        {
            get { return _demo; }
        }

        // ------------------------------------------------------------------ per-pin queries

        /// <summary>True when GPIO <paramref name="pin"/> exists on this board (false for numbers outside [0, GpioCount - 1]).</summary>
        public bool Exists(int pin)
        {
            return pin >= 0 && pin < _gpioCount && Fact(_notPresent, pin) == null;
        }

        /// <summary>Why the pin is reserved (never usable), or null when it is not reserved or does not exist.</summary>
        public string ReservedReason(int pin)
        {
            return Exists(pin) ? Fact(_reserved, pin) : null;
        }

        /// <summary>True when the pin exists and is not reserved.</summary>
        public bool IsUsable(int pin)
        {
            return Exists(pin) && Fact(_reserved, pin) == null;
        }

        /// <summary>True when the pin exists and can only be an input.</summary>
        public bool IsInputOnly(int pin)
        {
            return Exists(pin) && Fact(_inputOnly, pin) != null;
        }

        /// <summary>True when the pin exists and has an internal pull-up.</summary>
        public bool HasPullUp(int pin)
        {
            return Exists(pin) && Fact(_noPullUp, pin) == null;
        }

        /// <summary>True when the pin exists and has an internal pull-down.</summary>
        public bool HasPullDown(int pin)
        {
            return Exists(pin) && Fact(_noPullDown, pin) == null;
        }

        /// <summary>True when the pin exists and NanoIrq may arm an interrupt on it.</summary>
        public bool CanInterrupt(int pin)
        {
            return Exists(pin) && Fact(_noInterrupt, pin) == null;
        }

        /// <summary>
        /// What the user should know before using a pin that is allowed (strapping pin, on-board LED line,
        /// USB-JTAG pin...), several warnings joined by "; "; null when there is nothing to say or the pin does not exist.
        /// The <see cref="IPinValidator"/> warning channel: <c>IrqPin.Warning</c> carries it for an opened pin.
        /// </summary>
        public string WarningFor(int pin)
        {
            return Exists(pin) ? Fact(_warning, pin) : null;
        }

        /// <summary>
        /// Everything the profile says about one pin, for people: "absent (...)", "reserved: ...", or the
        /// restrictions and warnings joined by "; ", or "general-purpose I/O" when there is nothing special.
        /// </summary>
        public string DescribePin(int pin)
        {
            if (pin < 0 || pin >= _gpioCount)
            {
                return "no such GPIO number (this board has 0 to " + (_gpioCount - 1).ToString() + ")";
            }

            if (Fact(_notPresent, pin) != null)
            {
                return "absent: " + Fact(_notPresent, pin);
            }

            if (Fact(_reserved, pin) != null)
            {
                return "reserved: " + Fact(_reserved, pin);
            }

            string inputOnly = Fact(_inputOnly, pin);
            string noPullUp = Fact(_noPullUp, pin);
            string noPullDown = Fact(_noPullDown, pin);
            string noInterrupt = Fact(_noInterrupt, pin);
            string warning = Fact(_warning, pin);
            string text = null;
            text = Join(text, inputOnly == null ? null : "input-only: " + inputOnly);
            if (noPullUp != null && noPullDown != null && string.Equals(noPullUp, noPullDown))
            {
                text = Join(text, "no internal pull-up or pull-down: " + noPullUp);
            }
            else
            {
                text = Join(text, noPullUp == null ? null : "no internal pull-up: " + noPullUp);
                text = Join(text, noPullDown == null ? null : "no internal pull-down: " + noPullDown);
            }

            text = Join(text, noInterrupt == null ? null : "no interrupt: " + noInterrupt);
            text = Join(text, warning == null ? null : "warning: " + warning);
            return text == null ? "general-purpose I/O" : text;
        }

        /// <summary>The GPIOs present on the board as ranges, e.g. "0-19, 21-23, 25-27, 32-39".</summary>
        public string ExistingPinRanges()
        {
            string text = "";
            int pin = 0;
            while (pin < _gpioCount)
            {
                if (Fact(_notPresent, pin) != null)
                {
                    pin++;
                    continue;
                }

                int last = pin;
                while (last + 1 < _gpioCount && Fact(_notPresent, last + 1) == null)
                {
                    last++;
                }

                text = text + (text.Length == 0 ? "" : ", ") + (last == pin ? pin.ToString() : pin.ToString() + "-" + last.ToString());
                pin = last + 1;
            }

            return text;
        }

        // ------------------------------------------------------------------ IPinValidator

        /// <inheritdoc />
        /// <remarks>Checks, in order: the pin exists; it is not reserved; the asked pull exists on it; it can
        /// interrupt when <paramref name="interrupt"/> is true. Strapping and other warnings do not throw: read
        /// them with <see cref="WarningFor"/>.</remarks>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pull"/> is not a <see cref="PinPull"/> value.</exception>
        public void ValidateInput(int pin, PinPull pull, bool interrupt)
        {
            if (pull != PinPull.None && pull != PinPull.Up && pull != PinPull.Down)
            {
                throw new ArgumentOutOfRangeException("pull", "must be PinPull.None, PinPull.Up or PinPull.Down.");
            }

            CheckExistsAndFree(pin);
            if (pull == PinPull.Up && Fact(_noPullUp, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "has no internal pull-up (" + Fact(_noPullUp, pin) + "); fit an external pull-up (e.g. 10 kΩ to 3V3) and open it with PinPull.None");
            }

            if (pull == PinPull.Down && Fact(_noPullDown, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "has no internal pull-down (" + Fact(_noPullDown, pin) + "); fit an external pull-down (e.g. 10 kΩ to GND) and open it with PinPull.None");
            }

            if (interrupt && Fact(_noInterrupt, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "cannot raise interrupts: " + Fact(_noInterrupt, pin) + "; poll it, or use another pin");
            }
        }

        /// <inheritdoc />
        /// <remarks>Checks, in order: the pin exists; it is not reserved; it is not input-only.</remarks>
        public void ValidateOutput(int pin)
        {
            CheckExistsAndFree(pin);
            if (Fact(_inputOnly, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "is input-only (" + Fact(_inputOnly, pin) + ") and cannot drive an output");
            }
        }

        private void CheckExistsAndFree(int pin)
        {
            if (pin < 0 || pin >= _gpioCount)
            {
                throw new PinNotUsableException(_name, pin, "does not exist on this board; GPIOs on this board: " + ExistingPinRanges());
            }

            if (Fact(_notPresent, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "does not exist on this board (" + Fact(_notPresent, pin) + "); GPIOs on this board: " + ExistingPinRanges());
            }

            if (Fact(_reserved, pin) != null)
            {
                throw new PinNotUsableException(_name, pin, "reserved: " + Fact(_reserved, pin));
            }
        }

        // ------------------------------------------------------------------ facts (fluent; each returns this)

        /// <summary>Sets the board's full name and variant for people. Returns this profile.</summary>
        public BoardProfile Describe(string description)
        {
            CheckMutable();
            CheckText(description, "description");
            _description = description;
            return this;
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> do not exist on this board (not bonded, not brought out). Returns this profile.</summary>
        public BoardProfile NotPresent(int first, int last, string reason)
        {
            return Mark(_notPresent, first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> are taken by the board (flash, PSRAM, USB, radio, debug link) and are refused. Returns this profile.</summary>
        public BoardProfile Reserve(int first, int last, string reason)
        {
            return Mark(_reserved, first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> can only be inputs. Returns this profile.</summary>
        public BoardProfile InputOnly(int first, int last, string reason)
        {
            return Mark(_inputOnly, first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> have no internal pull-up. Returns this profile.</summary>
        public BoardProfile NoPullUp(int first, int last, string reason)
        {
            return Mark(_noPullUp, first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> have no internal pull-down. Returns this profile.</summary>
        public BoardProfile NoPullDown(int first, int last, string reason)
        {
            return Mark(_noPullDown, first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> have neither internal pull-up nor pull-down. Returns this profile.</summary>
        public BoardProfile NoPulls(int first, int last, string reason)
        {
            CheckRange(first, last, reason);
            NoPullUp(first, last, reason);
            return NoPullDown(first, last, reason);
        }

        /// <summary>GPIO <paramref name="first"/> to <paramref name="last"/> must not be used with interrupts. Returns this profile.</summary>
        public BoardProfile NoInterrupt(int first, int last, string reason)
        {
            return Mark(_noInterrupt, first, last, reason);
        }

        /// <summary>Adds a warning to one pin (allowed, but the user should know); several warnings on a pin are joined by "; ". Returns this profile.</summary>
        public BoardProfile Warn(int pin, string warning)
        {
            CheckRange(pin, pin, warning);
            _warning[pin] = Join(Fact(_warning, pin), warning);
            return this;
        }

        /// <summary>Marks a strapping pin: allowed, with the warning "strapping pin: " + <paramref name="effect"/>. Returns this profile.</summary>
        public BoardProfile Strapping(int pin, string effect)
        {
            CheckRange(pin, pin, effect);
            return Warn(pin, "strapping pin: " + effect);
        }

        /// <summary>
        /// Describes the on-board LED. <paramref name="pin"/> must be a present pin for <see cref="LedKind.Gpio"/> and
        /// <see cref="LedKind.AddressableRgb"/>, and <see cref="NoPin"/> for <see cref="LedKind.None"/> and
        /// <see cref="LedKind.WirelessChip"/>. Returns this profile.
        /// </summary>
        public BoardProfile WithLed(LedKind kind, int pin, bool activeHigh, string description)
        {
            CheckMutable();
            CheckText(description, "description");
            bool onGpio = kind == LedKind.Gpio || kind == LedKind.AddressableRgb;
            if (!onGpio && kind != LedKind.None && kind != LedKind.WirelessChip)
            {
                throw new ArgumentOutOfRangeException("kind", "must be a LedKind value.");
            }

            if (onGpio && !Exists(pin))
            {
                throw new ArgumentOutOfRangeException("pin", "must be a present GPIO (" + ExistingPinRanges() + ") for an LED on a GPIO.");
            }

            if (!onGpio && pin != NoPin)
            {
                throw new ArgumentOutOfRangeException("pin", "must be BoardProfile.NoPin (-1) when the LED is not on a GPIO.");
            }

            _ledKind = kind;
            _ledPin = pin;
            _ledActiveHigh = activeHigh;
            _ledDescription = description;
            return this;
        }

        /// <summary>Describes the on-board user button; <paramref name="pin"/> must be present (use no call at all for "no button"). Returns this profile.</summary>
        public BoardProfile WithButton(int pin, bool activeLow, string description)
        {
            CheckMutable();
            CheckText(description, "description");
            if (!Exists(pin))
            {
                throw new ArgumentOutOfRangeException("pin", "must be a present GPIO (" + ExistingPinRanges() + ").");
            }

            _buttonPin = pin;
            _buttonActiveLow = activeLow;
            _buttonDescription = description;
            return this;
        }

        /// <summary>States that the board has no user button usable from code, and why (e.g. "BOOTSEL is not a GPIO"). Returns this profile.</summary>
        public BoardProfile WithoutButton(string description)
        {
            CheckMutable();
            CheckText(description, "description");
            _buttonPin = NoPin;
            _buttonActiveLow = true;
            _buttonDescription = description;
            return this;
        }

        /// <summary>
        /// Sets the demo's default button (to GND, internal pull-up, interrupt) and LED. Both are checked with
        /// this profile's own validation, so call it after the pin facts. Returns this profile.
        /// </summary>
        /// <exception cref="ArgumentException">The pins are equal, or one fails validation (the inner
        /// <see cref="PinNotUsableException"/> message says why).</exception>
        public BoardProfile WithDemoPins(int buttonPin, int ledPin, bool ledActiveHigh)
        {
            CheckMutable();
            if (buttonPin == ledPin)
            {
                throw new ArgumentException("must differ from ledPin: the button and the LED need a GPIO each.", "buttonPin");
            }

            ValidateInput(buttonPin, PinPull.Up, true);
            ValidateOutput(ledPin);
            bool ledOnBoard = _ledKind == LedKind.Gpio && ledPin == _ledPin;
            _demo = new DemoWiring(buttonPin, buttonPin == _buttonPin, ledPin, ledActiveHigh, ledOnBoard);
            return this;
        }

        /// <summary>Sets the <c>nanoff --target</c> names, preferred first (at least one, none empty). Returns this profile.</summary>
        public BoardProfile WithNanoffTargets(string[] targets)
        {
            CheckMutable();
            if (targets == null || targets.Length == 0)
            {
                throw new ArgumentException("must hold at least one nanoff target name, e.g. \"ESP32_REV3\".", "targets");
            }

            for (int i = 0; i < targets.Length; i++)
            {
                CheckText(targets[i], "targets");
            }

            _nanoffTargets = CopyOf(targets);
            return this;
        }

        /// <summary>Adds a board-wide note (one sentence). Returns this profile.</summary>
        public BoardProfile WithNote(string note)
        {
            CheckMutable();
            CheckText(note, "note");
            string[] notes = new string[_notes.Length + 1];
            Array.Copy(_notes, notes, _notes.Length);
            notes[_notes.Length] = note;
            _notes = notes;
            return this;
        }

        /// <summary>Makes the profile read-only; later fact calls throw <see cref="InvalidOperationException"/>. Returns this profile.</summary>
        public BoardProfile Seal()
        {
            _sealed = true;
            return this;
        }

        /// <summary>"esp32-devkitc (ESP32)".</summary>
        public override string ToString()
        {
            return _name + " (" + _chip + ")";
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>
        /// The fact stored for <paramref name="pin"/>, or a real null when none was stored. On nanoCLR a never-assigned
        /// element of a <c>string[]</c> is not null to <c>==</c>, <c>!=</c> or <c>ReferenceEquals</c> (it is a string
        /// slot without text, not a null reference), so reading <c>facts[pin]</c> directly would make every pin look
        /// restricted on the device and hand such a slot to callers of <see cref="ReservedReason"/> and
        /// <see cref="WarningFor"/>; <c>string.IsNullOrEmpty</c> sees it as null, and a returned literal null is one.
        /// </summary>
        private static string Fact(string[] facts, int pin)
        {
            string text = facts[pin];
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return text;
        }

        private BoardProfile Mark(string[] facts, int first, int last, string reason)
        {
            CheckRange(first, last, reason);
            for (int pin = first; pin <= last; pin++)
            {
                facts[pin] = reason;
            }

            return this;
        }

        private void CheckRange(int first, int last, string reason)
        {
            CheckMutable();
            if (first < 0 || first >= _gpioCount)
            {
                throw new ArgumentOutOfRangeException("first", "must be a GPIO number in [0, " + (_gpioCount - 1).ToString() + "] on " + _name + ".");
            }

            if (last < first || last >= _gpioCount)
            {
                throw new ArgumentOutOfRangeException("last", "must be in [first, " + (_gpioCount - 1).ToString() + "] on " + _name + ".");
            }

            CheckText(reason, "reason");
        }

        private void CheckMutable()
        {
            if (_sealed)
            {
                throw new InvalidOperationException("Board profile " + _name + " is sealed (read-only); build a new BoardProfile to describe another board.");
            }
        }

        private static void CheckText(string text, string paramName)
        {
            if (string.IsNullOrEmpty(text))
            {
                throw new ArgumentException("must be a non-empty text a user can act on.", paramName);
            }
        }

        private static bool IsValidName(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Join(string a, string b)
        {
            if (b == null)
            {
                return a;
            }

            return a == null ? b : a + "; " + b;
        }

        private static string[] CopyOf(string[] source)
        {
            string[] copy = new string[source.Length];
            Array.Copy(source, copy, source.Length);
            return copy;
        }
    }
}
