# Longest-path instruction count of one function, from `objdump -dr --no-show-raw-insn OBJECT` output
# (Arm Thumb or RISC-V). Works with mawk (no strtonum, no gensub).
#
#   objdump -dr --no-show-raw-insn x.o | awk -v FN=function [-v ALLOW="hook1 hook2"] [-v TAILJUMP=regex]
#                                            [-v PERLOOP=1] [-v STORE=hexaddr] -f isr_path.awk
#
# Prints one line "COUNT WORST LOOPS PROBLEMS" (and " ITER TO" when PERLOOP or STORE is set):
#   COUNT     instructions in FN
#   WORST     instructions on the longest path from FN's entry to a return. A call counts as one
#             instruction PLUS the longest path of the callee when the callee is defined in the same
#             object (followed recursively; tail calls too). A callee named in ALLOW (a port hook, whose
#             code is not in the object) counts as the one call instruction only.
#   LOOPS     back edges met on the way (a cycle: WORST is then not a bound, unless PERLOOP)
#   PROBLEMS  things that make WORST untrustworthy: a call to a function neither defined here nor in
#             ALLOW, an indirect jump or call, a jump table, a branch whose target is not an
#             instruction of the function. Each is described on stderr.
#   ITER      with PERLOOP=1: back edges are removed and a path must end in a return, so WORST is the longest
#             path that takes no back edge (every loop left on its first test); ITER is the longest single pass
#             of a loop, from its header to its back edge included (the largest over the loops met). With
#             LOOPS 1, WORST + k * ITER bounds a run that goes round the loop k times. 0 when there is no loop.
#   TO        with STORE=hexaddr: the longest path from FN's entry to a store to that absolute address (both
#             included; through calls as above, taking no back edge), or -1 if no such store is reachable. The
#             store's base register is known by following constants (movs, lsls, mov, literal-pool loads) along
#             the control flow of each function reached, where every path agrees; e.g. STORE=d000001c for the
#             RP2040's SIO GPIO_OUT_XOR.
# TAILJUMP (option): an indirect jump whose text matches this regex (e.g. "^bx[ \t]+r0$") ends a path like a
#             return (a tail jump to code that is not counted) instead of being a problem.
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
    NEG = -1000000000
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
    lit[n] = ""                                                # a literal-pool load's address (Arm: "@ (1b0 <f+0xc4>)")
    if (match(t, /@ \([0-9a-f]+ </)) lit[n] = substr(t, RSTART + 3, RLENGTH - 5)
    sub(/[ \t]*@.*$/, "", t)                                   # Arm comment
    sub(/[ \t]+#[ \t]+[0-9a-f]+ <[^>]*>$/, "", t)             # RISC-V address comment (# 62 <.L54+0x2a>)
    sub(/[ \t]+$/, "", t); text[n] = t
    split(t, f, /[ \t]+/); op[n] = f[1]
    if (op[n] == ".word") word[a] = sprintf("%.0f", hex(f[2]))   # by the address as objdump prints it
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
# What instruction i does, once: nx[i] its fall-through successor (0: none), bt[i] a local branch target (0: none),
# ce[i] a callee (call, tail call or conditional tail call), cs[i] 1 when the callee returns to nx[i].
function classify(i,    o, t, callee, tgt, call, uncond, cond, riscvcall) {
    if (i in nx) return
    o = op[i]; t = text[i]; bt[i] = 0; ce[i] = ""; cs[i] = 0
    nx[i] = i < last[fn[i]] ? i + 1 : 0
    riscvcall = ((i - 1) in rsym) && op[i - 1] == "auipc" && rtype[i - 1] ~ /^R_RISCV_CALL/
    if (isret(t)) {
        nx[i] = 0
    } else if (riscvcall && o ~ /^(jalr|jr|c\.jalr|c\.jr)$/) {
        # auipc + jalr/jr: a call (jalr: returns here) or a tail call (jr: does not)
        ce[i] = base(rsym[i - 1])
        if (o ~ /jr$/) nx[i] = 0; else cs[i] = 1
    } else if (o ~ /^(jalr|jr|c\.jalr|c\.jr|tbb|tbh|tbb\.w|tbh\.w)$/ || (o ~ /^(blx|bx)$/ && t !~ /</) ||
               t ~ /^(ldr|ldr\.w|mov|mov\.w|add|add\.w|ldm[a-z.]*|pop[a-z.]*)[ \t]+pc[, ]/ ||
               (t ~ /^(pop|ldm)/ && t ~ /pc\}/)) {
        if (TAILJUMP == "" || t !~ TAILJUMP) problem(FN ": indirect jump or call at " sprintf("%x", addr[i]) " in " fn[i] ": " t)
        nx[i] = 0
    } else {
        call = (o ~ /^(bl|blx|jal|call|c\.jal)$/)
        uncond = (o ~ /^(b|b\.n|b\.w|j|c\.j|tail)$/)
        cond = (o ~ /^(b(eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)(\.n|\.w)?|cbz|cbnz)$/) ||
               (o ~ /^(c\.)?b(eq|ne|lt|ge|ltu|geu|eqz|nez|lez|gez|ltz|gtz|gt|le|gtu|leu)$/)
        if (call || uncond || cond) {
            callee = target_fn(i)
            if (callee != "") {
                ce[i] = callee                   # call, tail call, or conditional tail call
                if (uncond) nx[i] = 0
                if (call) cs[i] = 1
            } else {
                tgt = target_addr(i)
                if (call) problem(FN ": call without a target at " sprintf("%x", addr[i]) ": " t)
                else if (tgt < 0 || !((fn[i], tgt) in idx)) problem(FN ": branch to no instruction of " fn[i] " at " sprintf("%x", addr[i]) ": " t)
                else bt[i] = idx[fn[i], tgt]
                if (uncond) nx[i] = 0
            }
        }
    }
}
# the longest path from i to j's end, going on from i to j: a back edge (j is on the search stack) is counted as a
# loop and ends the path there (PERLOOP: is no path at all)
function edge(i, j) {
    if (state[j] == 1) {
        loops++; nback++; bfrom[nback] = i; bto[nback] = j; back[i, j] = 1
        return PERLOOP ? NEG : 0
    }
    return longest(j)
}
function longest(i,    a, b, c) {
    if (state[i] == 2) return L[i]
    state[i] = 1
    classify(i)
    a = NEG; b = NEG; c = NEG
    if (ce[i] != "") c = fcost(ce[i])
    if (bt[i]) b = edge(i, bt[i])
    if (nx[i]) a = edge(i, nx[i])
    else if (cs[i] || (!bt[i] && ce[i] == "")) a = 0   # a path ends here (a return, the end of the listing)
    state[i] = 2
    if (cs[i]) L[i] = 1 + c + a                  # a call returns to the fall-through: both add up
    else L[i] = 1 + (a > b ? (a > c ? a : c) : (b > c ? b : c))
    if (L[i] < 0) L[i] = NEG
    return L[i]
}
# the longest path from i to instruction g (both included), taking no back edge found by longest(); NEG: none
function to(i, g,    key, v, w) {
    key = i SUBSEP g
    if (key in TT) return TT[key]
    if (i == g) { TT[key] = 1; return 1 }
    classify(i)
    v = NEG
    if (ce[i] != "") {
        w = tofn(ce[i], g); if (1 + w > v) v = 1 + w                        # g inside the callee
        if (cs[i] && nx[i] && !((i, nx[i]) in back)) { w = fcost(ce[i]) + to(nx[i], g); if (1 + w > v) v = 1 + w }
        else if (!cs[i] && nx[i] && !((i, nx[i]) in back)) { w = to(nx[i], g); if (1 + w > v) v = 1 + w }
    } else {
        if (nx[i] && !((i, nx[i]) in back)) { w = to(nx[i], g); if (1 + w > v) v = 1 + w }
        if (bt[i] && !((i, bt[i]) in back)) { w = to(bt[i], g); if (1 + w > v) v = 1 + w }
    }
    if (v < 0) v = NEG
    TT[key] = v
    return v
}
function tofn(name, g) {
    if (name in allow || !(name in first) || first[name] > last[name]) return NEG
    return to(first[name], g)
}
# STORE: the stores to that absolute address. Register constants (movs #imm, lsls of a constant, mov between
# registers, a literal-pool load) are followed along the control flow of each function the count reached, a state per
# instruction kept as ",reg=value," items: a register is known where every path to it agrees (intersection).
function sget(s, r,    p, t) { p = index(s, "," r "="); if (!p) return ""; t = substr(s, p + length(r) + 2); sub(/,.*$/, "", t); return t }
function sdel(s, r,    p, t) { p = index(s, "," r "="); if (!p) return s; t = substr(s, p + 1); sub(/^[^,]*,/, "", t); return substr(s, 1, p) t }
function sset(s, r, v) { return sdel(s, r) r "=" v "," }
function smeet(a, b,    k, m, it, r) {
    r = ","; m = split(a, it, ",")
    for (k = 1; k <= m; k++) if (it[k] != "" && index(b, "," it[k] ",")) r = r it[k] ","
    return r
}
function transfer(i, s, target,    t, o, ops, d, m, c, k, v, regs) {
    t = text[i]; o = op[i]
    ops = t; sub(/^[^ \t]+[ \t]*/, "", ops)
    d = ops; sub(/,.*$/, "", d)                                  # the first operand (the destination of most)
    if (o ~ /^movs?$/ && ops ~ /^[a-z0-9]+, #[0-9]+$/) {
        v = ops; sub(/^.*#/, "", v); return sset(s, d, v + 0)
    } else if (o ~ /^lsls?$/ && ops ~ /^[a-z0-9]+, [a-z0-9]+, #[0-9]+$/) {
        split(ops, m, /, #?/); v = sget(s, m[2])
        if (v == "") return sdel(s, d)
        v = v + 0; for (k = 0; k < m[3] + 0; k++) v = (v * 2) % 4294967296
        return sset(s, d, sprintf("%.0f", v))
    } else if (o ~ /^movs?$/ && ops ~ /^[a-z0-9]+, [a-z0-9]+$/) {
        split(ops, m, /, /); v = sget(s, m[2])
        return v == "" ? sdel(s, d) : sset(s, d, v)
    } else if (o ~ /^ldr(\.w)?$/ && lit[i] != "") {
        return (lit[i] in word) ? sset(s, d, word[lit[i]]) : sdel(s, d)
    } else if (o ~ /^str(b|h)?(\.w)?$/) {
        if (match(ops, /\[[a-z0-9]+(, #-?[0-9]+)?\]$/)) {
            v = substr(ops, RSTART + 1, RLENGTH - 2); split(v, m, /, #/)
            if (sget(s, m[1]) != "" && sget(s, m[1]) + m[2] == target && !(i in isstore)) { isstore[i] = 1; stores[++ns] = i }
        }
        return s
    } else if (o ~ /^(pop|ldm)/) {
        v = ops; sub(/^.*\{/, "", v); sub(/\}.*$/, "", v); c = split(v, regs, /, */)
        for (k = 1; k <= c; k++) s = sdel(s, regs[k])
        return s
    } else if (o ~ /^(bl|blx)$/) {
        return sdel(sdel(sdel(sdel(sdel(sdel(s, "r0"), "r1"), "r2"), "r3"), "ip"), "lr")
    } else if (o ~ /^(cmp|cmn|tst|b|b\.n|b\.w|bx|push|nop|cpsid|cpsie|dsb|isb|dmb|wfi|wfe|\.word|\.short|b[a-z][a-z](\.n|\.w)?)$/) {
        return s
    }
    return sdel(s, d)
}
function find_stores(target,    name, i, j, k, top, wl, sst, out, nw, succ, ns2) {
    ns = 0
    for (name in fstate) {
        if (fstate[name] != 2) continue
        top = 0; split("", sst)
        i = first[name]; sst[i] = ","; wl[++top] = i
        while (top > 0) {
            i = wl[top--]; classify(i)
            out = transfer(i, sst[i], target)
            ns2 = 0
            if (nx[i]) succ[++ns2] = nx[i]
            if (bt[i]) succ[++ns2] = bt[i]
            for (k = 1; k <= ns2; k++) {
                j = succ[k]
                if (!(j in sst)) { sst[j] = out; wl[++top] = j }
                else { nw = smeet(sst[j], out); if (nw != sst[j]) { sst[j] = nw; wl[++top] = j } }
            }
        }
    }
}
END {
    loops = 0
    if (!(FN in first) || first[FN] > last[FN]) { print 0, 0, 0, problems + 1; exit }
    w = fcost(FN)
    if (w < 0) { problem(FN ": no path from the entry to a return"); w = 0 }
    if (!PERLOOP && STORE == "") { print last[FN] - first[FN] + 1, w, loops, problems + 0; exit }
    iter = 0
    for (k = 1; k <= nback; k++) { v = to(bto[k], bfrom[k]); if (v > iter) iter = v }
    reach = -1
    if (STORE != "") {
        find_stores(hex(STORE))
        for (k = 1; k <= ns; k++) { v = to(first[FN], stores[k]); if (v > reach) reach = v }
    }
    print last[FN] - first[FN] + 1, w, loops, problems + 0, iter, reach
}
