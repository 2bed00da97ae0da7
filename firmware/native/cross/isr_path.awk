# Reads `objdump -dr --no-show-raw-insn` output of one object and analyses the function FN (set with -v):
# prints "COUNT WORST BACK" where COUNT = instructions in FN, WORST = instructions on the longest path
# from entry to a return (calls count as one instruction; the callee is not included), BACK = backward
# branches whose target is not a return instruction (a loop: then WORST is not a bound).
# Works with mawk (no strtonum): hex is converted by hand.
function hex(s,    i, c, v) {
    v = 0; s = tolower(s)
    for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)); if (c == 0) break; v = v * 16 + c - 1 }
    return v
}
function isret(t) { return t ~ /^(pop[ \t].*pc|bx[ \t]+lr|ret|c\.jr[ \t]|jr[ \t])/ }  # returns, and register jumps (RISC-V tail calls)
/^[0-9a-f]+ <[^>]+>:$/ {
    name = $2; gsub(/[<>:]/, "", name)
    if (name == FN) { on = 1; next }
    if (on && name !~ /^\./) { on = 0 }
    next
}
# a relocation on a branch to a symbol outside the function (not a local .L label): a call or a tail call
on && /^[ \t]+[0-9a-f]+: R_/ {
    sym = $NF
    if (n > 0 && sym !~ /^\.L/ && sym != FN) ext[n] = 1
    next
}
on && /^ +[0-9a-f]+:/ {
    n++; a = $1; sub(/:$/, "", a); addr[n] = hex(a); idx[addr[n]] = n
    t = $0; sub(/^ +[0-9a-f]+:[ \t]*/, "", t); text[n] = t
    split(t, f, /[ \t]+/); op[n] = f[1]
}
function succ(i,    o, t, tgt, s, call, uncond, cond) {
    # fills S1[i] (fall-through, or 0) and S2[i] (branch target index, or 0)
    o = op[i]; t = text[i]; tgt = -1; S1[i] = 0; S2[i] = 0
    if (isret(t)) return
    if (match(t, /[ \t,][0-9a-f]+ </)) { s = substr(t, RSTART + 1, RLENGTH - 3); tgt = hex(s) }
    call = (o ~ /^(bl|blx|jal|jalr|call|c\.jal|c\.jalr)$/)
    uncond = (o ~ /^(b|b\.n|b\.w|j|c\.j)$/)
    cond = !call && !uncond && tgt >= 0 && (o ~ /^(b[a-z][a-z]?(\.n|\.w)?|cbz|cbnz|beq|bne|blt|bge|bltu|bgeu|beqz|bnez|blez|bgez|bltz|bgtz|bgt|ble|bgtu|bleu|c\.beqz|c\.bnez)$/)
    if (!uncond && i < n) S1[i] = i + 1
    if ((uncond || cond) && (tgt in idx) && !(i in ext)) S2[i] = idx[tgt]
}
function longest(i,    a, b) {
    if (state[i] == 2) return L[i]
    if (state[i] == 1) { loops++; return 0 }
    state[i] = 1
    succ(i)
    a = S1[i] ? longest(S1[i]) : 0
    b = S2[i] ? longest(S2[i]) : 0
    state[i] = 2
    L[i] = 1 + (a > b ? a : b)
    return L[i]
}
END {
    loops = 0
    w = n ? longest(1) : 0
    print n + 0, w, loops
}
