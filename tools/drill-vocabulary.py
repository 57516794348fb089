#!/usr/bin/env python3
"""drill-vocabulary.py - the default drill-log vocabulary (English and
Japanese), written into the <defaults> of both shipped questionnaires.

The vocabulary was grown from tests/drills/corpus (the logs marked "train"
in EXPECTED.tsv) and then frozen; the "holdout" logs were written after it.
Every branch of every pattern holds a literal word, so the drill-log reader
can look for the words in whole blocks and match only the lines that hold
them (README, Performance): keep it that way when adding words.

    python3 tools/drill-vocabulary.py          # rewrite the questionnaires
    python3 tools/drill-vocabulary.py --check  # exit 1 when they differ
"""
import re
import sys
from xml.sax.saxutils import quoteattr

LEAD = r"^[\s>*#|_-]*(?:\[[xX✓]\]\s*)?(?:\*\*)?"   # list, quote, table, ticked box, bold
SEP = r"(?:\*\*)?\s*[:：|]\s*(?:\*\*)?\s*"
OK = r"(?:✅\s*)?(?:success|successful|succeeded|passed|pass|ok|met)\b"
NG = r"(?:❌\s*)?(?:failure|failed|fail|unsuccessful|ng|aborted)\b"
JA_OK = r"(?:成功|合格|OK|問題なし)"
JA_NG = r"(?:失敗|不合格|NG|中止)"
KEY = r"(?:\w+\s+)?(?:result|outcome|verdict|status|conclusion)"
W = r"(?:\w+\s+)?"        # one optional word ("the", "a", "forced"): no literal of its own
W2 = r"(?:\w+\s+){0,2}"   # up to two

# Keep every branch made of single-word alternations joined by \s+, W or W2:
# an optional group holding words, or a phrase inside an alternation, makes
# the literal reader drop words, and a branch left with one common word
# ("drill", "db") makes every line that holds it a candidate.
VOCAB = {
    "marker-scenario":
        r"^[\s>*#|_-]*(?:\*\*)?(?:drill\s+)?(?:scenario|シナリオ)" + SEP + r"([A-Za-z][A-Za-z0-9._-]*)",
    "marker-drill-start": "|".join([
        r"\b(?:drill|exercise|test|gameday|rehearsal)\s+(?:started|starts|start|began|begins|commenced)\b",
        r"\bgame\s*day\s+(?:started|starts|start|began|begins|commenced)\b",
        r"\b(?:drill|exercise|test|gameday|rehearsal)\s+kicked\s+off\b",
        r"\bgame\s*day\s+kicked\s+off\b",
        r"\b(?:started|starting|began|begin|commenced)\s+" + W2 + r"(?:drill|exercise|gameday)\b",
        r"\bkicked\s+off\s+" + W + r"(?:drill|exercise|gameday)\b",
        r"訓練開始|テスト開始|演習開始|訓練を開始",
    ]),
    "marker-drill-end": "|".join([
        r"\b(?:drill|exercise|test|gameday|rehearsal)\s+(?:ended|ends|end|finished|complete|completed|concluded|closed)\b",
        r"\bgame\s*day\s+(?:ended|ends|end|finished|complete|completed|concluded|closed)\b",
        r"\b(?:ended|closed|concluded|finished)\s+" + W2 + r"(?:drill|exercise|gameday)\b",
        r"訓練終了|テスト終了|演習終了|訓練を終了",
    ]),
    "marker-outage-start": "|".join([
        r"\boutage\s+(?:start|started|starts|begins|began)\b",
        r"\b(?:impact|downtime|disruption|degradation)\s+(?:start|started|starts|begins|began)\b",
        r"\bstart\s+of\s+" + W + r"(?:outage|impact|downtime)\b",
        r"\b(?:fault|failure|chaos)\s+injected\b",
        r"\b(?:fault|failure|chaos)\s+injection\s+(?:start|started|begins|began)\b",
        r"\b(?:inject|injected|injecting)\s+" + W + r"(?:fault|failure|outage)\b",
        r"\b(?:started|starting|initiated|initiating|triggered|triggering|began)\s+" + W2 + r"(?:failover|outage)\b",
        r"\b(?:started|starting|initiated|triggered|began)\s+" + W + r"fault\s+injection\b",
        r"\b(?:started|starting|initiated|triggered|began)\s+" + W + r"(?:chaos|fis)\s+experiment\b",
        r"\b(?:started|starting|initiated|triggered|began)\s+" + W + r"az\s+(?:outage|failure)\b",
        r"\b(?:started|starting|initiated|triggered|began)\s+" + W + r"(?:region|regional)\s+(?:failover|evacuation)\b",
        r"\bfailover\s+(?:initiated|started|triggered)\b",
        r"\b(?:terminated|killed|stopped|deleted|dropped|truncated|corrupted)\s+" + W + r"(?:primary|writer|instance|node|broker|database|table|pod|pods)\b",
        r"\b(?:shut|powered)\s+(?:down|off)\s+" + W + r"(?:primary|writer|instance|node|broker|database)\b",
        r"\b(?:service|site|api|application|database)\s+(?:went|goes)\s+down\b",
        r"障害発生|障害開始|障害注入|擬似障害(?:を)?(?:発生|注入|投入|開始)|疑似障害(?:を)?(?:発生|注入|投入|開始)|サービス(?:停止|断)(?:開始)?|フェイルオーバー(?:を)?開始",
    ]),
    "marker-detected": "|".join([
        r"\b(?:alert|alarm|page|monitor)\s+(?:fired|firing|triggered|raised|received)\b",
        r"\b(?:alert|alarm|page)\s+went\s+off\b",
        r"\bincident\s+(?:declared|opened|created|triggered)\b",
        r"\b(?:detected|detection)\b",
        r"検知|検出|アラート(?:発報|発生|受信)",
    ]),
    "marker-service-restored": "|".join([
        r"\bservice\s+" + W2 + r"(?:restored|recovered|resumed)\b",
        r"\bservice\s+" + W + r"back\s+(?:up|online)\b",
        r"\b(?:site|api|application|app|system|traffic|platform|checkout|website)\s+" + W2 + r"(?:restored|recovered)\b",
        r"\b(?:site|api|application|app|system|traffic|platform|checkout|website)\s+" + W + r"back\s+(?:up|online)\b",
        r"\b(?:site|api|application|app|system|traffic|platform|checkout|website)\s+" + W + r"(?:available|serving)\s+again\b",
        r"\brecovery\s+(?:complete|completed|confirmed|finished|done)\b",
        r"\b(?:impact|outage|downtime)\s+(?:ended|ends|end|over|resolved|mitigated)\b",
        r"\bincident\s+resolved\b",
        r"\b(?:back|returned)\s+to\s+normal\b",
        r"\bfully\s+operational\b",
        r"\brto\s+" + W + r"(?:stop|stopped)\b",
        r"復旧完了|サービス復旧|サービス再開|業務再開|復旧(?:を)?確認|復旧しました|正常化(?:を)?確認",
    ]),
    # a component back (database, writer, cluster): service restored only
    # when the log names no service-level restoration
    "marker-component-restored": "|".join([
        r"\b(?:database|writer|cluster|endpoint|primary|replica|node)\s+" + W2 + r"(?:restored|recovered)\b",
        r"\b(?:database|writer|cluster|endpoint|primary|replica|node)\s+" + W + r"back\s+(?:up|online)\b",
        r"\b(?:database|writer|cluster|endpoint|primary|replica|node)\s+" + W + r"(?:available|serving)\s+again\b",
        r"(?:データベース|DB|クラスター|ノード)(?:が|の)?(?:復旧|復元完了)",
    ]),
    "marker-recovery-point": "|".join([
        r"\blast\s+(?:recoverable|restorable|good|consistent)\s+(?:point|backup|snapshot|transaction|write|commit|state)\b",
        r"\b(?:recovery|restore)\s+point\b(?!\s+objective)",
        r"\blatest\s*restorable\s*time\b",
        r"\blast\s+" + W + r"(?:backup|snapshot)\b",
        r"\bdata\s+(?:loss|lost)\s+" + W + r"(?:from|since|after)\b",
        r"\b(?:restore|restored)\s+to\s+" + W + r"point[- ]in[- ]time\b",
        r"最終復旧可能時点|復旧時点|復元時点|最終バックアップ|最終スナップショット",
    ]),
    "marker-result-success": "|".join([
        LEAD + KEY + SEP + OK,
        r"(?:(?:[.;:,!0-9Z]|[^\s\[]\])\s+|\b(?:drill|test|exercise|overall|final)\s+)(?:result|outcome|verdict|status)\s*[:：]\s*" + OK,
        r"\b(?:drill|exercise|test)\s+(?:passed|succeeded)\b",
        r"\b(?:drill|exercise|test)\s+was\s+successful\b",
        r"\b(?:drill|exercise|test)\s+completed\s+successfully\b",
        r"\bgame\s*day\s+(?:passed|succeeded)\b",
        r"\[[xX✓]\]\s*(?:success|successful|passed|pass|ok)\b",
        r"結果\s*[:：|]?\s*" + JA_OK + r"|判定\s*[:：|]?\s*" + JA_OK + r"|訓練(?:は)?成功|\[[xX✓]\]\s*(?:成功|合格)",
    ]),
    "marker-result-failure": "|".join([
        LEAD + KEY + SEP + NG,
        r"(?:(?:[.;:,!0-9Z]|[^\s\[]\])\s+|\b(?:drill|test|exercise|overall|final)\s+)(?:result|outcome|verdict|status)\s*[:：]\s*" + NG,
        r"\b(?:drill|exercise|test)\s+(?:failed|aborted)\b",
        r"\b(?:drill|exercise|test)\s+was\s+(?:unsuccessful|aborted)\b",
        r"\bgame\s*day\s+(?:failed|aborted)\b",
        r"\[[xX✓]\]\s*(?:failure|failed|fail|ng)\b",
        r"結果\s*[:：|]?\s*" + JA_NG + r"|判定\s*[:：|]?\s*" + JA_NG + r"|訓練(?:は)?失敗|\[[xX✓]\]\s*(?:失敗|不合格)",
    ]),
}

FILES = ["questionnaires/ftr-dr.xml", "questionnaires/ftr-current.xml"]


def rewrite(text):
    for name, value in VOCAB.items():
        line = '<param name="%s" value=%s/>' % (name, quoteattr(value))
        pat = re.compile(r'<param name="%s" value="[^"]*"/>' % re.escape(name))
        if pat.search(text):
            text = pat.sub(lambda m: line, text, count=1)
        else:
            anchor = '<param name="marker-service-restored"'
            i = text.index(anchor)
            indent = text[text.rindex("\n", 0, i) + 1:i]
            text = text[:i] + line + "\n" + indent + text[i:]
    return text


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path in FILES:
        old = open(path, encoding="utf-8").read()
        new = rewrite(old)
        if new != old:
            stale.append(path)
            if not check:
                open(path, "w", encoding="utf-8").write(new)
    if check and stale:
        print("drill-vocabulary: out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
