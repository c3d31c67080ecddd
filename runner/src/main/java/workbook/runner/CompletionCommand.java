package workbook.runner;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbook completion}: the bash/zsh completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true, description = {"Print the bash/zsh completion script.",
        "Use it with: source <(./workbook completion)"})
final class CompletionCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        String script = AutoComplete.bash("workbook", spec.parent().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
