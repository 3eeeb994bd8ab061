#!/bin/sh
# Every program answers --help and --version, and refuses bad usage with 2.
. "$(dirname "$0")/lib.sh"

for p in intake intake-ocr intake-classify intake-extract intake-validate intake-dossier intake-audit; do
	test_expect_success "$p answers --help and --version" "
		$p --help >help && grep -q '^usage: ' help &&
		$p --version >version && grep -q '^$p [0-9]' version
	"
	test_expect_success "$p refuses an unknown option with status 2" "
		$p --no-such-option </dev/null >out 2>err; test \$? -eq 2 && grep -q usage err
	"
done

test_expect_success 'intake-validate needs --case' '
	intake-validate </dev/null 2>err; test $? -eq 2
'

test_expect_success 'a stage refuses a stream of another version, naming it' '
	echo "<stream version=\"9\"/>" >s.xml &&
	intake-classify s.xml 2>err; test $? -eq 3 && grep -q "s.xml: stream version 9" err
'

test_done
