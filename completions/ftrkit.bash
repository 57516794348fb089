# bash completion for ftrkit                                -*- shell-script -*-
# Installed by `make install` as $(PREFIX)/share/bash-completion/completions/ftrkit.
# The commands and each command's options are the ones `ftrkit CMD --help`
# prints (tests/cli/conventions.bats keeps them in step).

_ftrkit()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion || return
	else
		COMPREPLY=()
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	local commands="init assess bundle verify keygen schedule explain diff history import"
	local common="--quiet --verbose --no-color --no-sandbox --help"
	local limits="--max-file-size --max-files --max-line --max-xml-depth"
	local report="--questionnaire --workspace --out --as-of --format --lang"

	if [ "$cword" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi

	case $prev in
	-t|--tailoring|--history)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-q|--questionnaire)
		COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	-w|--workspace|-o|--out)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--format)
		if [ "${words[1]}" = diff ] || [ "${words[1]}" = history ]; then
			COMPREPLY=($(compgen -W "text json" -- "$cur"))
			return
		fi
		# A comma-separated list: complete the last item.
		local done=${cur%"${cur##*,}"}
		COMPREPLY=($(compgen -P "$done" -W "html json junit oscal oscal-json xlsx" -- "${cur##*,}"))
		return ;;
	--lang)
		COMPREPLY=($(compgen -W "en ja" -- "$cur"))
		return ;;
	--sign|--pubkey)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--as-of|--fingerprint|--max-file-size|--max-files|--max-line|--max-xml-depth)
		return ;;
	esac

	local opts
	case ${words[1]} in
	init)     opts="--questionnaire --help" ;;
	assess)   opts="$report --tailoring --history $common $limits" ;;
	bundle)   opts="$report --tailoring --history --sign --redact $common $limits" ;;
	verify)   opts="--pubkey --fingerprint --require-signature --quiet --verbose --no-color --no-sandbox --help $limits" ;;
	keygen)   opts="--help" ;;
	schedule) opts="--questionnaire --workspace --out --as-of --lang --quiet --no-color --no-sandbox --help" ;;
	explain)  opts="--questionnaire --workspace --as-of --lang --no-sandbox --help" ;;
	diff)     opts="--format --no-sandbox --help" ;;
	history)  opts="--history --format --no-sandbox --help" ;;
	import)   opts="--questionnaire --workspace --quiet --no-sandbox --help" ;;
	*)        return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [ "${words[1]}" = verify ] || [ "${words[1]}" = diff ]; then
		COMPREPLY=($(compgen -f -X '!*.zip' -- "$cur") $(compgen -d -- "$cur"))
	elif [ "${words[1]}" = explain ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	elif [ "${words[1]}" = import ]; then
		COMPREPLY=($(compgen -f -X '!*.xlsx' -- "$cur") $(compgen -d -- "$cur"))
	elif [ "${words[1]}" = init ]; then
		COMPREPLY=($(compgen -d -- "$cur"))
	fi
}
complete -F _ftrkit ftrkit
