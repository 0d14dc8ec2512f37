#!/usr/bin/perl
# SpamAssassin as a batch peer for bench/spam-eval.sh: loads the system's rules once and scores
# every message file named on stdin, one per line, writing "path<TAB>score<TAB>RULE,RULE,..."
# per message. Starting `spamassassin -t` per message would compile the rule set thousands of
# times. Offline: local tests only (no DNSBL, URIBL, Razor, Pyzor), no Bayes, no auto-learn,
# and no user preferences, as `spamassassin --local --test-mode` with a fresh home would.
use strict;
use warnings;
use Mail::SpamAssassin;

my $sa = Mail::SpamAssassin->new({
    local_tests_only     => 1,
    dont_copy_prefs      => 1,
    userprefs_filename   => '/dev/null',
    home_dir_for_helpers => '/nonexistent',
    post_config_text     => "use_bayes 0\nbayes_auto_learn 0\nuse_auto_whitelist 0\n",
});
$sa->compile_now(0);
$| = 1;
while (my $path = <STDIN>) {
    chomp $path;
    open(my $fh, '<', $path) or do { warn "$path: $!\n"; next };
    my @lines = <$fh>;
    close $fh;
    my $mail   = $sa->parse(\@lines);
    my $status = $sa->check($mail);
    my $hits   = $status->get_names_of_tests_hit();
    printf "%s\t%.2f\t%s\n", $path, $status->get_score(), $hits;
    $status->finish();
    $mail->finish();
}
