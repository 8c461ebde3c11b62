//! Include-only patterns: in a checklist without `start`, a pattern that an
//! option includes is asked only when that option is chosen.

use crate::support::Test;

/// No `start`. `champion` is include-only (and leads on to `champion-detail`);
/// `shared` is both included and used by `meeting`.
const PACK: &str = "
patterns:
  - id: meeting
    name: The Meeting
    summary: s
    uses: [shared]
    questions:
      review:
        - id: champion
          ask: Who champions us?
          kind: select
          options: [nobody, {label: someone, include: [champion, shared]}]
  - id: champion
    name: The Champion
    summary: s
    uses: [champion-detail]
    questions: {review: [{id: who, ask: Who is the champion?}]}
  - id: champion-detail
    name: Champion Detail
    summary: s
    questions: {review: [{id: how, ask: How strong is their support?}]}
  - id: shared
    name: Shared Ground
    summary: s
    questions: {review: [{id: q, ask: What do we share?}]}
checklists:
  - id: review
    title: Review
";

fn walk(answers: &str) -> crate::support::Output {
    Test::new()
        .write("pack/pack.yaml", PACK)
        .write("answers.yaml", answers)
        .args(["walk", "review", "--no-builtin", "--patterns", "pack"])
        .args(["--answers", "answers.yaml", "--output", "-"])
        .run()
}

#[test]
fn walk_without_start_leaves_out_an_include_only_pattern_nobody_chose() {
    let output = walk("customer: Acme\nmeeting.champion: nobody\nshared.q: roadmaps\n")
        .status(0)
        .stdout_has("## The Meeting")
        .stdout_has("## Shared Ground");
    assert!(
        !output.stdout.contains("Champion"),
        "the champion was walked though nobody chose it:\n{}",
        output.stdout
    );
}

#[test]
fn walk_without_start_brings_in_an_include_only_pattern_when_chosen() {
    let output = walk(
        "customer: Acme\nmeeting.champion: someone\nchampion.who: Dana\n\
         champion-detail.how: strong\nshared.q: roadmaps\n",
    )
    .status(0)
    .stdout_has("## The Champion")
    .stdout_has("Dana")
    .stdout_has("## Champion Detail")
    .stdout_has("strong");
    // Included and used: walked once.
    assert_eq!(output.stdout.matches("## Shared Ground").count(), 1);
}

#[test]
fn an_answer_for_an_include_only_pattern_nobody_chose_is_unreached() {
    walk("customer: Acme\nmeeting.champion: nobody\nchampion.who: Dana\n")
        .status(2)
        .stderr_has("`champion.who` was answered, but its pattern is not part of this walk");
}

#[test]
fn template_comments_out_the_questions_of_an_include_only_pattern() {
    let output = Test::new()
        .write("pack/pack.yaml", PACK)
        .args(["questions", "review", "--template", "--no-builtin"])
        .args(["--patterns", "pack"])
        .run()
        .status(0)
        .stdout_has("meeting.champion: ~")
        .stdout_has("shared.q: ~")
        .stdout_has("#champion.who: ~");
    assert!(
        !output
            .stdout
            .lines()
            .any(|line| line.starts_with("champion")),
        "an include-only question is live in the template:\n{}",
        output.stdout
    );
}
