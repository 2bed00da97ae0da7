# Longest-path instruction count of one function, from `objdump -dr --no-show-raw-insn OBJECT` output
# (Arm Thumb or RISC-V). Works with mawk (no strtonum, no gensub).
#
#   objdump -dr --no-show-raw-insn x.o | awk -v FN=function [-v ALLOW="hook1 hook2"] -f isr_path.awk
#
# Prints one line "COUNT WORST LOOPS PROBLEMS":
#   COUNT     instructions in FN
#   WORST     instructions on the longest path from FN's entry to a return. A call counts as one
#             instruction PLUS the longest path of the callee when the callee is defined in the same
#             object (followed recursively; tail calls too). A callee named in ALLOW (a port hook, whose
#             code is not in the object) counts as the one call instruction only.
#   LOOPS     back edges met on the way (a cycle: WORST is then not a bound)
#   PROBLEMS  things that make WORST untrustworthy: a call to a function neither defined here nor in
#             ALLOW, an indirect jump or call, a jump table, a branch whose target is not an
#             instruction of the function. Each is described on stderr.
# WORST is an upper bound on the instructions executed per call only when LOOPS and PROBLEMS are 0: every
# instruction on a path counts once, including both arms of Thumb IT blocks and the branch itself.
function hex(s,    i, c, v) {
    v = 0; s = tolower(s); sub(/^0x/, "", s)
    for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)); if (c == 0) break; v = v * 16 + c - 1 }
    return v
}
function problem(msg) { problems++; print "isr_path: " msg > "/dev/stderr" }
# the function a symbol names: "f+0x1c" -> "f", ".text.f" -> "f"
function base(sym) { sub(/\+0x[0-9a-f]+$/, "", sym); sub(/^\.text\./, "", sym); return sym }
BEGIN {
    na = split(ALLOW, al, /[ \t,]+/)
    for (k = 1; k <= na; k++) if (al[k] != "") allow[al[k]] = 1
}
/^Disassembly of section/ { cur = ""; next }
/^[0-9a-f]+ <[^>]+>:$/ {
    name = $2; gsub(/[<>:]/, "", name)
    if (name ~ /^\./) next                       # a local label (.L12) inside the current function
    cur = name; first[cur] = n + 1; last[cur] = n; next
}
# a relocation applies to the instruction printed just before it; keep the first one that names a symbol
cur != "" && /^[ \t]+[0-9a-f]+: R_/ {
    if (n >= first[cur] && $NF != "*ABS*" && !(n in rsym)) { rsym[n] = $NF; rtype[n] = $2 }
    next
}
cur != "" && /^ *[0-9a-f]+:/ {
    n++; a = $1; sub(/:$/, "", a); addr[n] = hex(a); fn[n] = cur; last[cur] = n
    idx[cur, addr[n]] = n
    t = $0; sub(/^ *[0-9a-f]+:[ \t]*/, "", t)
    sub(/[ \t]*@.*$/, "", t)                                   # Arm comment
    sub(/[ \t]+#[ \t]+[0-9a-f]+ <[^>]*>$/, "", t)             # RISC-V address comment (# 62 <.L54+0x2a>)
    sub(/[ \t]+$/, "", t); text[n] = t
    split(t, f, /[ \t]+/); op[n] = f[1]
}
function isret(t) {
    return t ~ /^(bx[ \t]+lr|ret|c\.ret|jr[ \t]+ra|c\.jr[ \t]+ra)$/ ||
           t ~ /^(pop|pop\.w|ldmia\.w[ \t]+sp!,|ldm\.w[ \t]+sp!,|ldmia[ \t]+sp!,)[ \t]*\{.*pc\}/ ||
           t ~ /^ldr(\.w)?[ \t]+pc,[ \t]*\[sp\]/
}
# the callee of instruction i when it transfers control outside its function ("" when local)
function target_fn(i,    s) {
    if (i in rsym) s = rsym[i]
    else if (match(text[i], /<[^>]+>/)) s = substr(text[i], RSTART + 1, RLENGTH - 2)
    else return ""
    s = base(s)
    if (s ~ /^\./ || s == fn[i]) return ""
    return s
}
function target_addr(i) {
    if (match(text[i], /[0-9a-f]+ <[^>]+>/)) return hex(substr(text[i], RSTART, index(substr(text[i], RSTART), " ") - 1))
    return -1
}
# longest path cost of a whole function
function fcost(name,    v) {
    if (name in allow) return 0
    if (!(name in first) || first[name] > last[name]) { problem("call to " name ", which is neither in this object nor allowed"); return 0 }
    if (fstate[name] == 1) { loops++; return 0 }
    if (fstate[name] == 2) return FL[name]
    fstate[name] = 1
    v = longest(first[name])
    fstate[name] = 2; FL[name] = v
    return v
}
function longest(i,    o, t, callee, tgt, a, b, c, uncond, cond, call, riscvcall, self, sum) {
    if (state[i] == 2) return L[i]
    if (state[i] == 1) { loops++; return 0 }
    state[i] = 1
    o = op[i]; t = text[i]; a = 0; b = 0; c = 0; sum = 0
    self = i < last[fn[i]] ? i + 1 : 0          # fall-through successor
    riscvcall = ((i - 1) in rsym) && op[i - 1] == "auipc" && rtype[i - 1] ~ /^R_RISCV_CALL/
    if (isret(t)) {
        self = 0
    } else if (riscvcall && o ~ /^(jalr|jr|c\.jalr|c\.jr)$/) {
        # auipc + jalr/jr: a call (jalr: returns here) or a tail call (jr: does not)
        c = fcost(base(rsym[i - 1]))
        if (o ~ /jr$/) self = 0; else sum = 1
    } else if (o ~ /^(jalr|jr|c\.jalr|c\.jr|tbb|tbh|tbb\.w|tbh\.w)$/ || (o ~ /^(blx|bx)$/ && t !~ /</) ||
               t ~ /^(ldr|ldr\.w|mov|mov\.w|add|add\.w|ldm[a-z.]*|pop[a-z.]*)[ \t]+pc[, ]/ ||
               (t ~ /^(pop|ldm)/ && t ~ /pc\}/)) {
        problem(FN ": indirect jump or call at " sprintf("%x", addr[i]) " in " fn[i] ": " t)
        self = 0
    } else {
        call = (o ~ /^(bl|blx|jal|call|c\.jal)$/)
        uncond = (o ~ /^(b|b\.n|b\.w|j|c\.j|tail)$/)
        cond = (o ~ /^(b(eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)(\.n|\.w)?|cbz|cbnz)$/) ||
               (o ~ /^(c\.)?b(eq|ne|lt|ge|ltu|geu|eqz|nez|lez|gez|ltz|gtz|gt|le|gtu|leu)$/)
        if (call || uncond || cond) {
            callee = target_fn(i)
            if (callee != "") {
                c = fcost(callee)                # call, tail call, or conditional tail call
                if (uncond) self = 0
                if (call) sum = 1
            } else {
                tgt = target_addr(i)
                if (call) problem(FN ": call without a target at " sprintf("%x", addr[i]) ": " t)
                else if (tgt < 0 || !((fn[i], tgt) in idx)) problem(FN ": branch to no instruction of " fn[i] " at " sprintf("%x", addr[i]) ": " t)
                else b = longest(idx[fn[i], tgt])
                if (uncond) self = 0
            }
        }
    }
    a = self ? longest(self) : 0
    state[i] = 2
    if (sum) L[i] = 1 + c + a                    # a call returns to the fall-through: both add up
    else L[i] = 1 + (a > b ? (a > c ? a : c) : (b > c ? b : c))
    return L[i]
}
END {
    loops = 0
    if (!(FN in first) || first[FN] > last[FN]) { print 0, 0, 0, problems + 1; exit }
    w = fcost(FN)
    print last[FN] - first[FN] + 1, w, loops, problems + 0
}
