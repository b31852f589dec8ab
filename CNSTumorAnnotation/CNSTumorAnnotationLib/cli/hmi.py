"""``cnstumor hmi``: human-machine interactive annotation (R-HMI-1, R-HMI-3, R-HMI-4, R-HMI-5).

cnstumor hmi gold CASE_DIR --versions 2 3 4            R-HMI-1 STAPLE standard -> new version
cnstumor hmi gold CASE_DIR --label-maps a.nii.gz b.nii.gz [--names A B]
cnstumor hmi preannotate CASE_DIR --label-map M.nii.gz --model NAME [--model-version V]
cnstumor hmi rank CASE_OR_PREDICTION_DIR... --budget N --out worklist.json|.csv
cnstumor hmi round FOLDER --model NAME --by WHO --preannotated ... --sampled ... --corrected ...
cnstumor hmi status FOLDER
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError


def _runtime() -> Any:
    """One headless MRML runtime for the whole command (segmentations are read through MRML)."""
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    return create_runtime(force_headless=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "hmi",
        help=tr(
            "human-machine interactive annotation: gold standard, pre-annotation, sampling, rounds"
        ),
        description=tr(
            "Human-machine interactive annotation (R-HMI-1, R-HMI-3, R-HMI-4, R-HMI-5): STAPLE "
            "several experts' annotations into the gold standard (gold), land a model's output "
            "as a machine-made pre-annotation (preannotate), rank pre-annotated cases for the "
            "experts' assessment (rank), record each round of correction (round) and check "
            "whether the data set meets the experts' requirement (status)."
        ),
    )
    commands = parser.add_subparsers(dest="hmi_command", metavar="SUBCOMMAND", required=True)
    _gold(commands)
    _preannotate(commands)
    _rank(commands)
    _round(commands)
    status = commands.add_parser(
        "status", help=tr("R-HMI-5: the rounds so far and the stopping check")
    )
    status.add_argument(
        "folder", type=Path, help=tr("project or dataset folder holding hmi_rounds.json")
    )
    status.add_argument("--json", action="store_true", help=tr("print the record as JSON"))
    status.set_defaults(func=run_status)


def _gold(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "gold", help=tr("R-HMI-1: STAPLE several experts' annotations into the standard")
    )
    p.add_argument("case_dir", type=Path, help=tr("the case folder (case.json)"))
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--versions", type=int, nargs="+", help=tr("case versions by different experts")
    )
    source.add_argument("--label-maps", type=Path, nargs="+", help=tr("experts' label map files"))
    p.add_argument("--names", nargs="+", help=tr("the experts' names, one per label map"))
    p.add_argument("--convention", default="brats2021", help=tr("label convention of --label-maps"))
    p.add_argument(
        "--atlas-flair", type=Path, help=tr("atlas FLAIR when the label maps are in an atlas space")
    )
    p.add_argument("--by", default="", help=tr("who records the standard"))
    p.set_defaults(func=run_gold)


def _preannotate(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "preannotate", help=tr("R-HMI-3: a model's output as a machine-made version")
    )
    p.add_argument("case_dir", type=Path, help=tr("the case folder (case.json)"))
    p.add_argument("--label-map", type=Path, required=True, help=tr("the model's label map file"))
    p.add_argument("--model", required=True, help=tr("the model's name"))
    p.add_argument(
        "--model-version", default="", help=tr("the model's version (weights, training round)")
    )
    p.add_argument(
        "--convention",
        default="brats2021",
        help=tr("label convention of the label map (default: %(default)s)"),
    )
    p.add_argument(
        "--atlas-flair", type=Path, help=tr("atlas FLAIR when the label map is in an atlas space")
    )
    p.set_defaults(func=run_preannotate)


def _rank(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "rank", help=tr("R-HMI-4: rank pre-annotated cases for expert assessment")
    )
    p.add_argument(
        "sources", type=Path, nargs="+", help=tr("case folders or folders of model label maps")
    )
    p.add_argument(
        "--budget", type=int, required=True, help=tr("how many cases the experts assess")
    )
    p.add_argument("--out", type=Path, required=True, help=tr("worklist .json or .csv"))
    p.add_argument("--seed", type=int, default=0, help=tr("seed of the exploration draw"))
    p.add_argument("--exploration", type=float, default=0.2, help=tr("random share of the budget"))
    p.add_argument(
        "--convention", default="brats2021", help=tr("label convention of label map folders")
    )
    p.add_argument("--family", default="intra_axial", help=tr("tumor family of label map folders"))
    p.add_argument(
        "--selfcheck", action="store_true", help=tr("self-check case folders without one")
    )
    p.set_defaults(func=run_rank)


def _round(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "round", help=tr("R-HMI-5: record one round of pre-annotation and correction")
    )
    p.add_argument(
        "folder", type=Path, help=tr("project or dataset folder (hmi_rounds.json lives there)")
    )
    p.add_argument("--model", required=True, help=tr("the model's name"))
    p.add_argument(
        "--model-version", default="", help=tr("the model's version (weights, training round)")
    )
    p.add_argument("--by", required=True, help=tr("who records the round"))
    p.add_argument(
        "--preannotated", nargs="*", default=[], help=tr("case ids the model pre-annotated")
    )
    p.add_argument("--sampled", nargs="*", default=None, help=tr("case ids the experts assessed"))
    p.add_argument(
        "--worklist", type=Path, help=tr("a worklist JSON: its cases are the sampled ones")
    )
    p.add_argument(
        "--corrected", nargs="*", default=[], help=tr("sampled cases that needed correction")
    )
    p.add_argument(
        "--added", nargs="*", default=None, help=tr("corrected cases added to the standard set")
    )
    p.add_argument(
        "--stop-below", type=float, help=tr("project threshold: stop below this corrected share")
    )
    p.add_argument(
        "--min-sampled", type=int, help=tr("project rule: assess at least this many cases")
    )
    p.set_defaults(func=run_round)


def run_gold(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.hmi.preannotation import (
        experts_from_label_maps,
        experts_from_versions,
        gold_standard,
    )

    case = load_case(args.case_dir)
    runtime = _runtime()
    if args.versions:
        experts = experts_from_versions(case, list(args.versions), runtime=runtime)
    else:
        experts = experts_from_label_maps(
            case,
            list(args.label_maps),
            args.convention,
            names=args.names,
            atlas_flair=args.atlas_flair,
        )
    gold = gold_standard(case, experts, runtime=runtime, recorded_by=args.by)
    print(
        tr(
            "R-HMI-1: version {version} saved as {annotator!r}",
            version=gold.version.version,
            annotator=gold.version.annotator,
        )
    )
    for key, region in gold.record["regions"].items():
        if region.get("empty"):
            print(tr("  {key:24} empty for every expert", key=key))
            continue
        performance = ", ".join(
            tr(
                "{expert} sens {sensitivity:.3f} spec {specificity:.3f}",
                expert=name,
                sensitivity=region["sensitivity"][name],
                specificity=region["specificity"][name],
            )
            for name in region["sensitivity"]
        )
        print(
            tr(
                "  {key:24} {voxels} voxels; {performance}",
                key=key,
                voxels=region["consensus_voxels"],
                performance=performance,
            )
        )
    print(tr("record: {record_path}", record_path=gold.record_path))
    return 0


def run_preannotate(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.hmi.preannotation import preannotate

    version = preannotate(
        load_case(args.case_dir),
        args.label_map,
        args.model,
        model_version=args.model_version,
        convention=args.convention,
        atlas_flair=args.atlas_flair,
        runtime=_runtime(),
    )
    print(
        tr(
            "R-HMI-3: version {version} by {annotator!r} (machine-made)",
            version=version.version,
            annotator=version.annotator,
        )
    )
    return 0


def run_rank(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.hmi.sampling import SamplingStrategy
    from CNSTumorAnnotationLib.hmi.worklist import format_worklist, rank_cases, write_worklist

    strategy = SamplingStrategy(seed=args.seed, exploration_fraction=args.exploration)
    worklist = rank_cases(
        args.sources,
        args.budget,
        strategy=strategy,
        convention=args.convention,
        family=args.family,
        selfcheck=args.selfcheck,
        runtime=_runtime() if any((p / "case.json").is_file() for p in args.sources) else None,
    )
    path = write_worklist(worklist, args.out)
    print(format_worklist(worklist))
    print(tr("worklist: {path}", path=path))
    return 0


def _worklist_cases(path: Path) -> list[str]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return [str(item["case_id"]) for item in record["worklist"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(tr("not a worklist JSON ({error})", error=error), path) from None


def run_round(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.hmi.rounds import StoppingRule, read_rounds, record_round

    sampled = args.sampled
    if sampled is None:
        if args.worklist is None:
            raise InvalidInputError(tr("name the sampled cases (--sampled) or their --worklist"))
        sampled = _worklist_cases(args.worklist)
    rule = None
    if args.stop_below is not None or args.min_sampled is not None:
        current = StoppingRule(**read_rounds(args.folder)["stopping_rule"])
        rule = StoppingRule(
            args.stop_below if args.stop_below is not None else current.max_correction_fraction,
            args.min_sampled if args.min_sampled is not None else current.min_sampled,
        )
    entry = record_round(
        args.folder,
        model=args.model,
        model_version=args.model_version,
        recorded_by=args.by,
        preannotated=args.preannotated,
        sampled=sampled,
        corrected=args.corrected,
        added_to_standard=args.corrected if args.added is None else args.added,
        worklist=str(args.worklist) if args.worklist else None,
        rule=rule,
    )
    if entry["stop"]["met"]:
        verdict = tr(
            "R-HMI-5 round {round} recorded: STOP: the data set meets the requirement ({reason})",
            round=entry["round"],
            reason=entry["stop"]["reason"],
        )
    else:
        verdict = tr(
            "R-HMI-5 round {round} recorded: continue ({reason})",
            round=entry["round"],
            reason=entry["stop"]["reason"],
        )
    print(verdict)
    return 0


def run_status(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.hmi.rounds import format_status, read_rounds

    record = read_rounds(args.folder)
    print(json.dumps(record, indent=2) if args.json else format_status(record))
    return 0
