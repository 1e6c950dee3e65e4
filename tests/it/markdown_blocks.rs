//! The checker of a markdown text's marked JSON blocks (`util::check_marked_json_blocks`) and
//! the section it is pointed at (`util::markdown_section`), on texts written here.

use crate::util::{check_marked_json_blocks, markdown_section, parses};

const TEXT: &str = "# Title

## One

```sh
# a comment, not a heading
```

<!-- Number -->
```json
1
```

### Inside one

<!-- Text -->
```json
\"x\"
```

## Two

<!-- Number -->
```json
2
```
";

#[test]
fn a_section_runs_to_the_next_heading_of_its_level() {
    let one = markdown_section(TEXT, "## One");
    assert!(one.starts_with("## One\n"));
    assert!(one.contains("# a comment") && one.contains("### Inside one"));
    assert!(one.ends_with("```\n"), "{one:?}");
    assert!(!one.contains("## Two"));
    assert_eq!(
        markdown_section(TEXT, "## Two"),
        &TEXT[TEXT.find("## Two").unwrap()..]
    );
    assert_eq!(
        markdown_section(TEXT, "### Inside"),
        &one[one.find("### Inside").unwrap()..]
    );
}

#[test]
fn every_marked_block_is_parsed_as_its_marker_says() {
    let parse = |kind: &str, json: &str| match kind {
        "Number" => Some(parses::<u32>(json)),
        "Text" => Some(parses::<String>(json)),
        _ => None,
    };
    assert_eq!(check_marked_json_blocks(TEXT, parse), 3);
    assert_eq!(
        check_marked_json_blocks(markdown_section(TEXT, "## One"), parse),
        2
    );
    assert_eq!(
        check_marked_json_blocks(markdown_section(TEXT, "## Two"), parse),
        1
    );
    assert_eq!(check_marked_json_blocks("no markers", parse), 0);
}

#[test]
#[should_panic(expected = "block 2 (Text): invalid type: string \"x\", expected u32")]
fn a_block_that_does_not_parse_fails_naming_it() {
    check_marked_json_blocks(markdown_section(TEXT, "## One"), |_, json| {
        Some(parses::<u32>(json))
    });
}

#[test]
#[should_panic(expected = "block 1: unknown marker Number")]
fn an_unknown_marker_fails() {
    check_marked_json_blocks(TEXT, |_, _| None);
}
