#!/usr/bin/env bash
# Self-test of isr_path.awk on hand-written `objdump -dr` listings whose longest paths were counted by hand:
# proves that calls into the same object are followed and added, that tail calls count the callee, that
# only ALLOWed hooks count as a bare call, and that loops, indirect jumps, unknown callees and branches to
# nowhere are reported (they make the count useless as a bound); and the options elf_isr_path.sh uses for the
# RP2040 vector: PERLOOP (a loop counted per pass), TAILJUMP (an allowed indirect tail jump), STORE (the path to a
# store to a constant address, found through movs/lsls/mov/literal loads, unknown where two paths disagree).
#   bash cross/isr_path_test.sh          exit 0 when every case gives the expected "COUNT WORST LOOPS PROBLEMS"
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fails=0
check() {  # name expected function allow [awk -v settings...] <<listing
  local name=$1 expected=$2 fn=$3 allow=$4 got
  shift 4
  got=$(awk -v FN="$fn" -v ALLOW="$allow" "$@" -f "$here/isr_path.awk" 2>/dev/null)
  if [ "$got" = "$expected" ]; then echo "ok   $name: $got"; else echo "FAIL $name: expected '$expected', got '$got'"; fails=$((fails + 1)); fi
}

# Callees shared by several cases: g (Arm, 5 instructions), rg (RISC-V, 2 instructions).
arm_g='
Disassembly of section .text.g:

00000000 <g>:
   0:	adds	r0, #1
   2:	cmp	r0, #3
   4:	bne.n	8 <g+0x8>
   6:	adds	r0, #2
   8:	bx	lr
'
riscv_rg='
Disassembly of section .text.rg:

00000000 <rg>:
   0:	add	a0,a0,1
   2:	ret
'

arm_call="$arm_g"'
Disassembly of section .text.f:

00000000 <f>:
   0:	push	{r4, lr}
   2:	cmp	r0, #0
   4:	beq.n	e <f+0xe>
   6:	bl	0 <f>
			6: R_ARM_THM_CALL	g
   a:	bl	0 <hook>
			a: R_ARM_THM_CALL	hook
   e:	pop	{r4, pc}
'
# f: push, cmp, beq, bl g (1 + g: adds, cmp, bne, adds, bx = 5), bl hook (1), pop = 11
check "Arm call into the object is added"   "6 11 0 0" f hook <<<"$arm_call"
check "Arm unknown callee is a problem"      "6 11 0 1" f ""   <<<"$arm_call"
check "Arm callee alone"                     "5 5 0 0"  g ""   <<<"$arm_call"

check "Arm tail call counts the callee" "2 7 0 0" t "" <<L
$arm_g
Disassembly of section .text.t:

00000000 <t>:
   0:	ldr	r0, [r0, #0]
   2:	b.w	0 <t>
			2: R_ARM_THM_JUMP24	g
L

check "Arm loop is reported" "3 3 1 0" l "" <<'L'
00000000 <l>:
   0:	subs	r0, #1
   2:	bne.n	0 <l>
   4:	bx	lr
L

check "Arm indirect jump is a problem" "3 2 0 1" j "" <<'L'
00000000 <j>:
   0:	ldr	r3, [r0, #4]	@ comment
   2:	bx	r3
   4:	bx	lr
L

check "Arm jump table is a problem" "2 1 0 1" jt "" <<'L'
00000000 <jt>:
   0:	tbb	[pc, r0]
   4:	bx	lr
L

check "Arm branch to no instruction is a problem" "3 3 0 1" b "" <<'L'
00000000 <b>:
   0:	cmp	r0, #1
   2:	beq.n	5 <b+0x5>
   4:	bx	lr
L

check "RISC-V labels and auipc+jr tail call" "6 7 0 0" rf "" <<L
$riscv_rg
Disassembly of section .text.rf:

00000000 <rf>:
   0:	lw	a5,0(a0)
   2:	beqz	a5,e <.L2>
			2: R_RISCV_RVC_BRANCH	.L2
   4:	sw	a5,4(a0)
   6:	auipc	t1,0x0
			6: R_RISCV_CALL_PLT	rg
			6: R_RISCV_RELAX	*ABS*
   a:	jr	t1 # 6 <rf+0x6>

0000000e <.L2>:
   e:	ret
L

check "RISC-V auipc+jalr call returns and adds" "6 8 0 0" rc "" <<L
$riscv_rg
Disassembly of section .text.rc:

00000000 <rc>:
   0:	add	sp,sp,-16
   2:	sw	ra,12(sp)
   4:	auipc	ra,0x0
			4: R_RISCV_CALL_PLT	rg
			4: R_RISCV_RELAX	*ABS*
   8:	jalr	ra # 4 <rc+0x4>
   c:	lw	ra,12(sp)
   e:	ret
L

check "RISC-V register jump is a problem" "2 1 0 1" rj "" <<'L'
00000000 <rj>:
   0:	jr	a5
   2:	ret
L

check "missing function is reported" "0 0 0 1" nothere "" <<'L'
00000000 <other>:
   0:	ret
L

# a loop: PERLOOP counts the path that leaves it on its first test (push, movs, cmp, beq, movs, pop = 6) and one
# pass, header to back edge (cmp, beq, subs, adds, b = 5)
arm_loop='
00000000 <lp>:
   0:	push	{r4, lr}
   2:	movs	r4, #0
   4:	cmp	r0, #0
   6:	beq.n	e <lp+0xe>
   8:	subs	r0, #1
   a:	adds	r4, #1
   c:	b.n	4 <lp+0x4>
   e:	movs	r0, r4
  10:	pop	{r4, pc}
'
check "Arm loop counted per pass (PERLOOP)" "9 6 1 0 5 -1" lp "" -v PERLOOP=1 <<<"$arm_loop"

# the vector shape: a call, then a tail jump through r0 or a return; w stores to 0xD0000000 + 28 on one path.
# Longest: push, bl + w's 8, pop, mov, cmp, beq, bx = 15; to the store: push, bl, movs, lsls, ldr, cmp, beq, str = 8
arm_vector='
00000000 <v>:
   0:	push	{r0, lr}
   2:	bl	20 <w>
   6:	pop	{r1, r2}
   8:	mov	lr, r2
   a:	cmp	r0, #0
   c:	beq.n	10 <v+0x10>
   e:	bx	r0
  10:	bx	lr

00000020 <w>:
  20:	movs	r3, #208	@ 0xd0
  22:	lsls	r3, r3, #24
  24:	ldr	r2, [pc, #8]	@ (30 <w+0x10>)
  26:	cmp	r0, #0
  28:	beq.n	2c <w+0xc>
  2a:	str	r2, [r3, #28]
  2c:	movs	r0, #0
  2e:	bx	lr
  30:	.word	0x00000400
'
check "Arm tail jump allowed, path to a store" "8 15 0 0 0 8" v "" -v TAILJUMP='^bx[ \t]+r0$' -v STORE=d000001c <<<"$arm_vector"
check "Arm tail jump not allowed is a problem" "8 15 0 1" v "" <<<"$arm_vector"
check "Arm store to another address is not found" "8 15 0 0 0 -1" v "" -v TAILJUMP='^bx[ \t]+r0$' -v STORE=d0000020 <<<"$arm_vector"

# r3 is 0xD0000000 on one path and 0x01000000 on the other: at the store it is unknown
check "Arm constant unknown where two paths disagree" "8 7 0 0 0 -1" m "" -v STORE=d000001c <<'L'
00000000 <m>:
   0:	cmp	r0, #0
   2:	beq.n	8 <m+0x8>
   4:	movs	r3, #208
   6:	b.n	a <m+0xa>
   8:	movs	r3, #1
   a:	lsls	r3, r3, #24
   c:	str	r1, [r3, #28]
   e:	bx	lr
L

[ "$fails" -eq 0 ] && echo "OK: isr_path.awk self-test" && exit 0
echo "$fails case(s) failed"; exit 1
