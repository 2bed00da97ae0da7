#!/usr/bin/env bash
# Self-test of isr_path.awk on hand-written `objdump -dr` listings whose longest paths were counted by hand:
# proves that calls into the same object are followed and added, that tail calls count the callee, that
# only ALLOWed hooks count as a bare call, and that loops, indirect jumps, unknown callees and branches to
# nowhere are reported (they make the count useless as a bound).
#   bash cross/isr_path_test.sh          exit 0 when every case gives the expected "COUNT WORST LOOPS PROBLEMS"
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fails=0
check() {  # name expected function allow <<listing
  local name=$1 expected=$2 fn=$3 allow=$4 got
  got=$(awk -v FN="$fn" -v ALLOW="$allow" -f "$here/isr_path.awk" 2>/dev/null)
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

[ "$fails" -eq 0 ] && echo "OK: isr_path.awk self-test" && exit 0
echo "$fails case(s) failed"; exit 1
