package workbook.runner.commands;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code workbook completion}: the bash/zsh completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true, description = {"Print the bash/zsh completion script.",
        "Use it with: source <(./workbook completion)"})
public final class CompletionCommand extends WorkbookCommand implements Runnable {

    @Override
    public void run() {
        String script = AutoComplete.bash("workbook", spec.parent().commandLine());
        out().print(script);
        out().flush();
    }
}
